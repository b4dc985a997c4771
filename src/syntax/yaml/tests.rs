//! The YAML reader: spans, scalar typing, CloudFormation tags, aliases and their budget,
//! streams, limits and errors.

use super::*;

const FILE: FileId = 7;

fn docs(text: &str) -> Vec<Node> {
    match parse(text, FILE) {
        Ok(docs) => docs,
        Err(e) => panic!("{:?} failed: {} at {:?}", short(text), e.message, e.span),
    }
}

fn one(text: &str) -> Node {
    let mut docs = docs(text);
    assert_eq!(docs.len(), 1, "{text:?}");
    docs.pop().unwrap()
}

fn err(text: &str) -> SyntaxError {
    match parse(text, FILE) {
        Ok(_) => panic!("{:?} parsed", short(text)),
        Err(e) => e,
    }
}

/// The start of a test text, for messages.
fn short(text: &str) -> &str {
    &text[..text.floor_char_boundary(200)]
}

/// The source text at a span, checking the span is in the file.
fn at(text: &str, span: Span) -> &str {
    assert_eq!(span.file, FILE);
    &text[span.range()]
}

/// The member named `key` (the last, as `Node::get`).
fn member<'n>(node: &'n Node, key: &str) -> &'n Member {
    node.as_object()
        .unwrap_or_else(|| panic!("not an object: {}", render(node)))
        .iter()
        .rev()
        .find(|m| m.key == key)
        .unwrap_or_else(|| panic!("no {key} in {}", render(node)))
}

/// A compact JSON rendering of the tree, strings quoted, to compare shapes.
fn render(node: &Node) -> String {
    match &node.kind {
        NodeKind::Null => "null".to_string(),
        NodeKind::Bool(b) => b.to_string(),
        NodeKind::Number(n) => format!("#{n}"),
        NodeKind::Str(s) => serde_json::to_string(s).unwrap(),
        NodeKind::Unknown(u) => format!("?{u}"),
        NodeKind::Symbol(_) => "symbol".to_string(),
        NodeKind::Array(items) => {
            format!(
                "[{}]",
                items.iter().map(render).collect::<Vec<_>>().join(",")
            )
        }
        NodeKind::Object(members) => format!(
            "{{{}}}",
            members
                .iter()
                .map(|m| format!(
                    "{}:{}",
                    serde_json::to_string(&m.key).unwrap(),
                    render(&m.value)
                ))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Spans

#[test]
fn keys_and_values_have_the_spans_of_their_text() {
    let text = "Version: 2012-10-17\n\"Quoted Key\": 'single'\nStatement:\n  - Effect: Allow\n    Action: [\"sts:AssumeRole\", x]\n    Principal: {AWS: '*'}\n";
    let root = one(text);
    assert_eq!(at(text, root.span), text.trim_end());
    let version = member(&root, "Version");
    assert_eq!(at(text, version.key_span), "Version");
    assert_eq!(at(text, version.value.span), "2012-10-17");
    let quoted = member(&root, "Quoted Key");
    assert_eq!(at(text, quoted.key_span), "\"Quoted Key\"");
    assert_eq!(at(text, quoted.value.span), "'single'");
    assert_eq!(quoted.value.as_str(), Some("single"));

    let statement = &member(&root, "Statement").value;
    assert_eq!(
        at(text, statement.span),
        "- Effect: Allow\n    Action: [\"sts:AssumeRole\", x]\n    Principal: {AWS: '*'}"
    );
    let NodeKind::Array(items) = &statement.kind else {
        panic!()
    };
    let first = &items[0];
    assert_eq!(
        at(text, first.span),
        "Effect: Allow\n    Action: [\"sts:AssumeRole\", x]\n    Principal: {AWS: '*'}"
    );
    let action = &member(first, "Action").value;
    assert_eq!(at(text, action.span), "[\"sts:AssumeRole\", x]");
    let NodeKind::Array(actions) = &action.kind else {
        panic!()
    };
    assert_eq!(at(text, actions[0].span), "\"sts:AssumeRole\"");
    assert_eq!(at(text, actions[1].span), "x");
    let principal = &member(first, "Principal").value;
    assert_eq!(at(text, principal.span), "{AWS: '*'}");
    let aws = member(principal, "AWS");
    assert_eq!(at(text, aws.key_span), "AWS");
    assert_eq!(at(text, aws.value.span), "'*'");
}

#[test]
fn a_multi_line_plain_scalar_spans_its_lines() {
    let text = "a: one\n  two\n  three\nb: x\n";
    let root = one(text);
    let a = &member(&root, "a").value;
    assert_eq!(a.as_str(), Some("one two three"));
    assert_eq!(at(text, a.span), "one\n  two\n  three");
}

#[test]
fn duplicate_keys_are_kept_in_order() {
    let text = "a: 1\nb: 2\na: 3\n";
    let root = one(text);
    let members = root.as_object().unwrap();
    let keys: Vec<_> = members.iter().map(|m| m.key.as_str()).collect();
    assert_eq!(keys, ["a", "b", "a"]);
    assert_eq!(at(text, members[2].key_span), "a");
    assert_eq!(members[2].key_span.start, 10);
    assert_eq!(root.get("a").unwrap().as_str(), Some("3"));
}

#[test]
fn an_absent_value_is_null_and_an_absent_key_is_empty() {
    let root = one("a:\nb: ~\n: c\n");
    assert_eq!(render(&root), r#"{"a":null,"b":null,"":"c"}"#);
}

#[test]
fn a_mapping_or_sequence_as_a_key_is_an_error_at_the_key() {
    let text = "a: 1\n? [x, y]\n: z\n";
    let e = err(text);
    assert!(e.message.contains("as a mapping key"), "{}", e.message);
    assert_eq!(at(text, e.span), "[");
    let e = err("{[x]: y}");
    assert!(e.message.contains("as a mapping key"), "{}", e.message);
}

// ---------------------------------------------------------------------------------------------
// Scalars

#[test]
fn quoted_scalars_are_always_strings() {
    let root = one("a: \"true\"\nb: 'null'\nc: \"123\"\nd: ''\ne: \"a\\tb\"\nf: 'it''s'\n");
    assert_eq!(
        render(&root),
        r#"{"a":"true","b":"null","c":"123","d":"","e":"a\tb","f":"it's"}"#
    );
}

#[test]
fn plain_null_and_booleans_are_the_yaml_1_2_core_forms_only() {
    let root = one(
        "n1: null\nn2: Null\nn3: NULL\nn4: ~\nn5:\nt1: true\nt2: True\nt3: TRUE\n\
         f1: false\nf2: False\nf3: FALSE\ny: yes\nno_: no\non: on\nmixed: tRUE\nnil: nULL\n",
    );
    assert_eq!(
        render(&root),
        r#"{"n1":null,"n2":null,"n3":null,"n4":null,"n5":null,"t1":true,"t2":true,"t3":true,"f1":false,"f2":false,"f3":false,"y":"yes","no_":"no","on":"on","mixed":"tRUE","nil":"nULL"}"#
    );
}

#[test]
fn numbers_and_dates_stay_the_strings_they_look_like() {
    let text = "Version: 2012-10-17\nAWS: 123456789012\nlead: 0123\nfloat: 1.50\nexp: 1e3\nhex: 0x1F\noct: 0o17\ninf: .inf\nnan: .NaN\nneg: -5\ntime: 2001-12-14t21:59:43.10-05:00\n";
    let root = one(text);
    assert_eq!(
        render(&root),
        r#"{"Version":"2012-10-17","AWS":"123456789012","lead":"0123","float":"1.50","exp":"1e3","hex":"0x1F","oct":"0o17","inf":".inf","nan":".NaN","neg":"-5","time":"2001-12-14t21:59:43.10-05:00"}"#
    );
    assert_eq!(at(text, member(&root, "AWS").value.span), "123456789012");
}

#[test]
fn an_explicit_str_tag_keeps_a_boolean_or_null_as_text() {
    let root = one("a: !!str true\nb: !!str null\nc: !!str\nd: !!int 5\n");
    assert_eq!(render(&root), r#"{"a":"true","b":"null","c":"","d":"5"}"#);
}

#[test]
fn block_scalars_are_folded_and_chomped_and_span_from_their_indicator() {
    let text = "lit: |\n  line one\n  line two\n\nkeep: |+\n  kept\n\nstrip: |-\n  stripped\n\nfold: >\n  folded\n  text\n\n  para\nfoldstrip: >-\n  a\n  b\ncommented: | # why\n  body  \nlast: |\n  end\n";
    let root = one(text);
    let value = |key: &str| &member(&root, key).value;
    assert_eq!(value("lit").as_str(), Some("line one\nline two\n"));
    assert_eq!(at(text, value("lit").span), "|\n  line one\n  line two");
    assert_eq!(value("keep").as_str(), Some("kept\n\n"));
    assert_eq!(at(text, value("keep").span), "|+\n  kept");
    assert_eq!(value("strip").as_str(), Some("stripped"));
    assert_eq!(at(text, value("strip").span), "|-\n  stripped");
    assert_eq!(value("fold").as_str(), Some("folded text\npara\n"));
    assert_eq!(
        at(text, value("fold").span),
        ">\n  folded\n  text\n\n  para"
    );
    assert_eq!(value("foldstrip").as_str(), Some("a b"));
    assert_eq!(value("commented").as_str(), Some("body  \n"));
    assert_eq!(at(text, value("commented").span), "| # why\n  body  ");
    assert_eq!(at(text, value("last").span), "|\n  end");
    // The mapping ends at the last character of its last value.
    assert_eq!(at(text, root.span), text.trim_end());
}

#[test]
fn a_block_scalar_ends_at_its_last_content_line() {
    let cases = [
        // text, key, the value's span text
        ("a: |\n  x\n# comment\nb: 1\n", "a", "|\n  x"),
        (
            "a: |\n  x\n  # content\n\n# comment\n",
            "a",
            "|\n  x\n  # content",
        ),
        (
            "a:\n  |\n  header on its own line\n",
            "a",
            "|\n  header on its own line",
        ),
        ("a: &odd|name |\n  body\n", "a", "|\n  body"),
    ];
    for (text, key, expected) in cases {
        let root = one(text);
        assert_eq!(
            at(text, member(&root, key).value.span),
            expected,
            "{text:?}"
        );
    }
    // A block scalar as a whole document, explicit or not.
    for (text, expected) in [("|\n x\n", "|\n x"), ("--- >-\n  doc\n", ">-\n  doc")] {
        assert_eq!(at(text, one(text).span), expected, "{text:?}");
    }
}

#[test]
fn an_empty_block_scalar_spans_its_header() {
    let text = "a: |\nb: >-\n\nc: x\n";
    let root = one(text);
    assert_eq!(member(&root, "a").value.as_str(), Some(""));
    assert_eq!(at(text, member(&root, "a").value.span), "|");
    assert_eq!(at(text, member(&root, "b").value.span), ">-");
}

#[test]
fn block_scalars_in_sequences_and_under_tags_and_anchors() {
    let text = "- |\n  one\n- &x >\n  two\n- !Sub |\n  ${AWS::Region}\n";
    let root = one(text);
    let NodeKind::Array(items) = &root.kind else {
        panic!()
    };
    assert_eq!(at(text, items[0].span), "|\n  one");
    assert_eq!(at(text, items[1].span), ">\n  two");
    let sub = member(&items[2], "Fn::Sub");
    assert_eq!(at(text, sub.key_span), "!Sub");
    assert_eq!(at(text, sub.value.span), "|\n  ${AWS::Region}");
    assert_eq!(sub.value.as_str(), Some("${AWS::Region}\n"));
    assert_eq!(at(text, items[2].span), "!Sub |\n  ${AWS::Region}");
}

// ---------------------------------------------------------------------------------------------
// CloudFormation tags

const SHORT_FORMS: [(&str, &str); 21] = [
    ("Ref", "Ref"),
    ("Condition", "Condition"),
    ("Sub", "Fn::Sub"),
    ("GetAtt", "Fn::GetAtt"),
    ("Join", "Fn::Join"),
    ("If", "Fn::If"),
    ("Select", "Fn::Select"),
    ("Split", "Fn::Split"),
    ("ImportValue", "Fn::ImportValue"),
    ("FindInMap", "Fn::FindInMap"),
    ("Base64", "Fn::Base64"),
    ("GetAZs", "Fn::GetAZs"),
    ("Cidr", "Fn::Cidr"),
    ("Equals", "Fn::Equals"),
    ("And", "Fn::And"),
    ("Or", "Fn::Or"),
    ("Not", "Fn::Not"),
    ("Transform", "Fn::Transform"),
    ("ToJsonString", "Fn::ToJsonString"),
    ("Length", "Fn::Length"),
    ("ForEach", "Fn::ForEach"),
];

#[test]
fn every_short_form_tag_becomes_its_long_form() {
    for (tag, long) in SHORT_FORMS {
        let text = format!("Value: !{tag} arg\n");
        let root = one(&text);
        let value = &member(&root, "Value").value;
        assert_eq!(render(value), format!("{{\"{long}\":\"arg\"}}"), "!{tag}");
        let function = member(value, long);
        assert_eq!(at(&text, function.key_span), format!("!{tag}"));
        assert_eq!(at(&text, function.value.span), "arg");
        assert_eq!(at(&text, value.span), format!("!{tag} arg"));
    }
}

#[test]
fn get_att_keeps_the_dotted_scalar() {
    let root = one("a: !GetAtt Role.Arn\nb: !GetAtt [Role, Arn]\n");
    assert_eq!(
        render(&root),
        r#"{"a":{"Fn::GetAtt":"Role.Arn"},"b":{"Fn::GetAtt":["Role","Arn"]}}"#
    );
}

#[test]
fn short_forms_nest() {
    let text = "Arn: !Join ['', ['arn:', !Sub '${AWS::Partition}', ':iam::', !Ref AccountId, ':root']]\nPick: !If [IsProd, !Ref a, !Ref b]\nCond: !And [!Equals [!Ref Env, prod], !Not [!Condition Other]]\n";
    let root = one(text);
    assert_eq!(
        render(&member(&root, "Arn").value),
        r#"{"Fn::Join":["",["arn:",{"Fn::Sub":"${AWS::Partition}"},":iam::",{"Ref":"AccountId"},":root"]]}"#
    );
    assert_eq!(
        render(&member(&root, "Pick").value),
        r#"{"Fn::If":["IsProd",{"Ref":"a"},{"Ref":"b"}]}"#
    );
    assert_eq!(
        render(&member(&root, "Cond").value),
        r#"{"Fn::And":[{"Fn::Equals":[{"Ref":"Env"},"prod"]},{"Fn::Not":[{"Condition":"Other"}]}]}"#
    );
    let pick = &member(&root, "Pick").value;
    let NodeKind::Array(args) = &member(pick, "Fn::If").value.kind else {
        panic!()
    };
    assert_eq!(at(text, args[1].span), "!Ref a");
    assert_eq!(at(text, member(&args[2], "Ref").key_span), "!Ref");
    assert_eq!(at(text, member(&args[2], "Ref").value.span), "b");
}

#[test]
fn a_tag_on_a_mapping_or_a_block_sequence_wraps_the_collection() {
    let text = "T: !Transform\n  Name: AWS::Include\n  Parameters: {Location: s3://b/k}\nS: !Sub\n  - 'arn:${P}:iam::${A}:root'\n  - P: !Ref AWS::Partition\n    A: !Ref AWS::AccountId\nG: !GetAtt\n  - Role\n  - Arn\n";
    let root = one(text);
    let t = &member(&root, "T").value;
    assert_eq!(
        render(t),
        r#"{"Fn::Transform":{"Name":"AWS::Include","Parameters":{"Location":"s3://b/k"}}}"#
    );
    let inner = member(t, "Fn::Transform");
    assert_eq!(at(text, inner.key_span), "!Transform");
    assert_eq!(
        at(text, inner.value.span),
        "Name: AWS::Include\n  Parameters: {Location: s3://b/k}"
    );
    assert_eq!(
        at(text, t.span),
        "!Transform\n  Name: AWS::Include\n  Parameters: {Location: s3://b/k}"
    );
    assert_eq!(
        render(&member(&root, "S").value),
        r#"{"Fn::Sub":["arn:${P}:iam::${A}:root",{"P":{"Ref":"AWS::Partition"},"A":{"Ref":"AWS::AccountId"}}]}"#
    );
    let g = &member(&root, "G").value;
    assert_eq!(render(g), r#"{"Fn::GetAtt":["Role","Arn"]}"#);
    assert_eq!(at(text, g.span), "!GetAtt\n  - Role\n  - Arn");
    assert_eq!(
        at(text, member(g, "Fn::GetAtt").value.span),
        "- Role\n  - Arn"
    );
}

#[test]
fn a_short_form_without_a_value_wraps_null() {
    let root = one("a: !Ref\nb: !GetAZs ''\n");
    assert_eq!(render(&root), r#"{"a":{"Ref":null},"b":{"Fn::GetAZs":""}}"#);
}

#[test]
fn other_tags_are_dropped_and_their_value_kept() {
    let root = one(
        "a: !Foo x\nb: !!map {k: v}\nc: !<tag:example.com,2000:x> [1]\nd: !ref lower\ne: !!binary aGk=\n",
    );
    assert_eq!(
        render(&root),
        r#"{"a":"x","b":{"k":"v"},"c":["1"],"d":"lower","e":"aGk="}"#
    );
}

#[test]
fn a_redefined_bang_handle_is_not_cloudformation() {
    let root = one("%TAG ! tag:example.com,2000:\n---\na: !Ref x\n");
    assert_eq!(render(&root), r#"{"a":"x"}"#);
}

#[test]
fn a_tagged_key_keeps_its_text() {
    let root = one("!Ref a: b\n");
    assert_eq!(render(&root), r#"{"a":"b"}"#);
}

// ---------------------------------------------------------------------------------------------
// Anchors and aliases

#[test]
fn an_alias_is_a_copy_of_the_anchored_node_with_its_spans() {
    let text = "base: &b {Effect: Allow, Action: 'sts:AssumeRole'}\ncopy: *b\nname: &n Role\nagain: *n\ntagged: &t !Ref X\nref: *t\n";
    let root = one(text);
    let base = &member(&root, "base").value;
    let copy = &member(&root, "copy").value;
    assert_eq!(render(copy), render(base));
    assert_eq!(copy.span, base.span);
    assert_eq!(
        at(text, copy.span),
        "{Effect: Allow, Action: 'sts:AssumeRole'}"
    );
    assert_eq!(
        at(text, member(copy, "Action").value.span),
        "'sts:AssumeRole'"
    );
    assert_eq!(member(&root, "again").value.as_str(), Some("Role"));
    assert_eq!(at(text, member(&root, "again").value.span), "Role");
    assert_eq!(render(&member(&root, "ref").value), r#"{"Ref":"X"}"#);
}

#[test]
fn an_alias_as_a_key_takes_the_scalar_text() {
    let text = "- &k Name: 1\n- *k : 2\n- &t true\n- {*t : 3}\n";
    let root = one(text);
    assert_eq!(
        render(&root),
        r#"[{"Name":"1"},{"Name":"2"},true,{"true":"3"}]"#
    );
    let e = err("a: &m {x: y}\n*m : z\n");
    assert!(e.message.contains("must name a scalar"), "{}", e.message);
}

#[test]
fn a_redefined_anchor_is_the_latest_one() {
    let root = one("a: &x one\nb: *x\nc: &x two\nd: *x\n");
    assert_eq!(
        render(&root),
        r#"{"a":"one","b":"one","c":"two","d":"two"}"#
    );
}

#[test]
fn an_undefined_alias_is_an_error_at_the_alias() {
    let text = "a: 1\nb: *nowhere\n";
    let e = err(text);
    assert_eq!(at(text, e.span), "*nowhere");
    assert!(
        e.message.contains("undefined alias `*nowhere`"),
        "{}",
        e.message
    );
    // Anchors do not carry over to the next document.
    let text = "a: &x 1\n---\nb: *x\n";
    let e = err(text);
    assert_eq!(at(text, e.span), "*x");
}

#[test]
fn an_alias_inside_its_own_anchor_is_an_error() {
    let text = "a: &loop [1, *loop]\n";
    let e = err(text);
    assert_eq!(at(text, e.span), "*loop");
    assert!(
        e.message.contains("inside the node it names"),
        "{}",
        e.message
    );
}

#[test]
fn a_billion_laughs_is_an_error_at_an_alias_not_a_hang() {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let mut previous = 'a';
    for name in 'b'..='j' {
        text.push_str(&format!(
            "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
        ));
        previous = name;
    }
    let started = std::time::Instant::now();
    let e = err(&text);
    assert!(started.elapsed().as_secs() < 20);
    assert!(e.message.contains("billion laughs"), "{}", e.message);
    assert!(
        at(&text, e.span).starts_with('*'),
        "{:?}",
        at(&text, e.span)
    );
}

#[test]
fn a_long_string_copied_many_times_is_within_the_byte_budget_or_an_error() {
    // 1 MiB aliased 100 times is 100 MiB of copies: over the byte budget.
    let big = "x".repeat(1 << 20);
    let mut text = format!("a: &a {big}\nb: [");
    for _ in 0..100 {
        text.push_str("*a, ");
    }
    text.push_str("]\n");
    let e = err(&text);
    assert!(e.message.contains("billion laughs"), "{}", e.message);
    // A few copies are fine.
    let text = format!("a: &a {big}\nb: [*a, *a, *a]\n");
    let root = one(&text);
    assert_eq!(
        render(&member(&root, "b").value).len(),
        3 * ((1 << 20) + 2) + 4
    );
}

#[test]
fn anchors_too_large_to_keep_are_an_error_only_when_aliased() {
    // Ten anchors nested around 300,000 entries: keeping a copy of each would pass the budget.
    let items = "x,".repeat(300_000);
    let nested = format!("{}{items}{}", "&a [".repeat(10), "]".repeat(10));
    let text = format!("- {nested}\n");
    let root = one(&text);
    assert!(matches!(root.kind, NodeKind::Array(_)));
    let text = format!("- {nested}\n- *a\n");
    let e = err(&text);
    assert_eq!(at(&text, e.span), "*a");
    assert!(e.message.contains("billion laughs"), "{}", e.message);
}

// ---------------------------------------------------------------------------------------------
// Streams

#[test]
fn each_document_of_a_stream_is_one_node() {
    let text = "a: 1\n---\nb: 2\n...\n--- c\n";
    let all = docs(text);
    assert_eq!(
        all.iter().map(render).collect::<Vec<_>>(),
        [r#"{"a":"1"}"#, r#"{"b":"2"}"#, r#""c""#]
    );
    assert_eq!(at(text, all[1].span), "b: 2");
    assert_eq!(at(text, all[2].span), "c");
    let all = docs("---\n---\na: 1\n");
    assert_eq!(
        all.iter().map(render).collect::<Vec<_>>(),
        ["null", r#"{"a":"1"}"#]
    );
}

#[test]
fn an_empty_stream_has_no_documents() {
    for text in ["", "\n\n", "   \n", "# only a comment\n", "\u{feff}"] {
        assert!(docs(text).is_empty(), "{text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Limits and errors

#[test]
fn deep_flow_nesting_is_an_error_not_a_crash() {
    let text = "[".repeat(10_000) + &"]".repeat(10_000);
    let e = err(&text);
    assert_eq!(e.message, format!("nesting deeper than {MAX_DEPTH} levels"));
    assert_eq!(e.span.start as usize, MAX_DEPTH);
    let text = "{a: ".repeat(10_000) + &"}".repeat(10_000);
    assert_eq!(
        err(&text).message,
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
}

#[test]
fn deep_block_nesting_is_an_error_not_a_crash() {
    let text = "- ".repeat(10_000) + "x\n";
    assert_eq!(
        err(&text).message,
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
    let text: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    assert_eq!(
        err(&text).message,
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
    // Mixed block and flow nesting counts together.
    let text = "- ".repeat(200) + &"[".repeat(200) + &"]".repeat(200) + "\n";
    assert_eq!(
        err(&text).message,
        format!("nesting deeper than {MAX_DEPTH} levels")
    );
}

#[test]
fn nesting_up_to_the_limit_is_read() {
    let text = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    let mut node = &one(&text);
    let mut depth = 1;
    while let NodeKind::Array(items) = &node.kind {
        let Some(first) = items.first() else { break };
        node = first;
        depth += 1;
    }
    assert_eq!(depth, MAX_DEPTH);
}

#[test]
fn invalid_yaml_is_reported_at_the_parsers_byte_offset() {
    // Unclosed quote: at its opening quote.
    let text = "a: \"abc\nb: c\n";
    let e = err(text);
    assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
    assert_eq!(e.span.start, 3);
    assert_eq!(at(text, e.span), "\"");
    // After a two-byte character the byte offset (11) is not the character index (10).
    let text = "é: x\n  bad: y\n";
    let e = err(text);
    assert!(
        e.message.starts_with("invalid YAML: mapping values"),
        "{}",
        e.message
    );
    assert_eq!(e.span.start, 11);
    assert_eq!(at(text, e.span), ":");
    // A tab in indentation: at the entry after it.
    let text = "a:\n\t- x\n";
    let e = err(text);
    assert!(e.message.contains("tab"), "{}", e.message);
    assert_eq!(at(text, e.span), "-");
    // A block sequence entry where a key is expected: granit points at the entry's content.
    let text = "Resources:\n  R: 1\n- x\n";
    let e = err(text);
    assert!(e.message.starts_with("invalid YAML: "), "{}", e.message);
    assert_eq!(&text[e.span.start as usize..], "x\n");
    // An error's span never splits a character.
    let text = "k: [é, ]]";
    let e = err(text);
    assert!(text.is_char_boundary(e.span.start as usize));
    assert!(text.is_char_boundary(e.span.end as usize));
}

// ---------------------------------------------------------------------------------------------
// Encodings and line endings

#[test]
fn crlf_line_endings_keep_byte_spans() {
    let text = "Version: 2012-10-17\r\nStatement:\r\n  - Effect: Allow\r\n    Action: |\r\n      a\r\n      b\r\n    Sid: \"x\"\r\n";
    let root = one(text);
    assert_eq!(at(text, member(&root, "Version").value.span), "2012-10-17");
    let statement = &member(&root, "Statement").value;
    let NodeKind::Array(items) = &statement.kind else {
        panic!()
    };
    let action = &member(&items[0], "Action").value;
    assert_eq!(action.as_str(), Some("a\nb\n"));
    assert_eq!(at(text, action.span), "|\r\n      a\r\n      b");
    assert_eq!(at(text, member(&items[0], "Sid").value.span), "\"x\"");
    assert_eq!(
        at(text, statement.span),
        "- Effect: Allow\r\n    Action: |\r\n      a\r\n      b\r\n    Sid: \"x\""
    );
}

#[test]
fn multi_byte_characters_and_tabs_keep_byte_spans() {
    let text = "Описание: \"Роль для 🦀\"\nkey:\t値\nlist: [ä, 'ö', \"ü\"]\nafter: ok\n";
    let root = one(text);
    let description = member(&root, "Описание");
    assert_eq!(at(text, description.key_span), "Описание");
    assert_eq!(at(text, description.value.span), "\"Роль для 🦀\"");
    assert_eq!(at(text, member(&root, "key").value.span), "値");
    let list = &member(&root, "list").value;
    assert_eq!(at(text, list.span), "[ä, 'ö', \"ü\"]");
    assert_eq!(at(text, member(&root, "after").value.span), "ok");
}

#[test]
fn a_byte_order_mark_is_skipped_and_spans_index_the_original_text() {
    let text = "\u{feff}Version: '2012-10-17'\nx: 1\n";
    let root = one(text);
    let version = member(&root, "Version");
    assert_eq!(version.key_span.start, 3);
    assert_eq!(at(text, version.key_span), "Version");
    assert_eq!(at(text, version.value.span), "'2012-10-17'");
    assert_eq!(at(text, root.span), "Version: '2012-10-17'\nx: 1");
}

#[test]
fn a_cloudformation_trust_policy_reads_as_its_json_form() {
    let text = r#"AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal:
              AWS: !Sub arn:${AWS::Partition}:iam::${TrustedAccount}:root
            Action: sts:AssumeRole
            Condition:
              Bool:
                aws:MultiFactorAuthPresent: true
"#;
    let root = one(text);
    let statement = root
        .get("Resources")
        .and_then(|r| r.get("Role"))
        .and_then(|r| r.get("Properties"))
        .and_then(|p| p.get("AssumeRolePolicyDocument"))
        .unwrap();
    assert_eq!(
        render(statement),
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":{"Fn::Sub":"arn:${AWS::Partition}:iam::${TrustedAccount}:root"}},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":true}}}]}"#
    );
}

use hcl_edit::Span;
use hcl_edit::expr::Expression;
use hcl_edit::structure::Structure;
fn show(text: &str, label: &str, span: Option<std::ops::Range<usize>>) {
    match span {
        Some(r) => println!("{label}: {:?} -> {:?}", r, &text[r.clone()]),
        None => println!("{label}: none"),
    }
}
fn walk(text: &str, e: &Expression, depth: usize) {
    let pad = " ".repeat(depth * 2);
    show(
        text,
        &format!(
            "{pad}{}",
            match e {
                Expression::String(_) => "String",
                Expression::Object(_) => "Object",
                Expression::Array(_) => "Array",
                Expression::StringTemplate(_) => "Template",
                Expression::HeredocTemplate(_) => "Heredoc",
                Expression::FuncCall(_) => "Call",
                Expression::Traversal(_) => "Traversal",
                Expression::Variable(_) => "Var",
                _ => "other",
            }
        ),
        e.span(),
    );
    match e {
        Expression::Object(o) => {
            for (k, v) in o.iter() {
                show(text, &format!("{pad} key"), k.span());
                walk(text, v.expr(), depth + 1)
            }
        }
        Expression::Array(a) => {
            for v in a.iter() {
                walk(text, v, depth + 1)
            }
        }
        Expression::FuncCall(c) => {
            for v in c.args.iter() {
                walk(text, v, depth + 1)
            }
        }
        Expression::HeredocTemplate(h) => {
            for el in h.template.iter() {
                if let Some(l) = el.as_literal() {
                    show(text, &format!("{pad} lit"), l.span());
                } else {
                    println!("{pad} interp/dir");
                }
            }
        }
        Expression::StringTemplate(t) => {
            for el in t.iter() {
                if let Some(l) = el.as_literal() {
                    show(text, &format!("{pad} lit"), l.span());
                }
            }
        }
        Expression::Traversal(t) => {
            walk(text, &t.expr, depth + 1);
            for op in &t.operators {
                show(text, &format!("{pad} op"), op.span());
            }
        }
        _ => {}
    }
}
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let body = match hcl_edit::parser::parse_body(&text) {
        Ok(b) => b,
        Err(e) => {
            println!("ERR {e:?} at {:?}", e.location());
            return;
        }
    };
    for s in body.iter() {
        match s {
            Structure::Block(b) => {
                println!(
                    "block {} {:?}",
                    b.ident.as_str(),
                    b.labels.iter().map(|l| l.as_str()).collect::<Vec<_>>()
                );
                show(&text, " block", b.span());
                for a in b.body.attributes() {
                    show(&text, &format!(" attr {}", a.key.as_str()), a.span());
                    walk(&text, &a.value, 2);
                }
            }
            Structure::Attribute(a) => {
                show(&text, "attr", a.span());
            }
        }
    }
}

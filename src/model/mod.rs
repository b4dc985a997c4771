//! Format-agnostic IAM model: policy types, ARNs, wildcard patterns, known/unknown values.

pub mod arn;
pub mod inventory;
pub mod pattern;
pub mod policy;
pub mod value;
pub mod variables;

pub use inventory::{Attachment, Entity, Inventory, Link, LinkFact};
pub use policy::{
    Clause, Condition, Document, DocumentKind, Effect, Owner, OwnerKind, Principal, PrincipalEntry,
    PrincipalForm, ShapeError, Statement, ValueList,
};
pub use value::{SVal, Spanned, Symbol, Val};

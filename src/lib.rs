pub mod lint;
pub mod model;

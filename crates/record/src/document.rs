//! The record: `id`, `text`, and every other field carried through untouched, in input order.

use serde::de::DeserializeOwned;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

/// One document: the unit every stage reads and writes.
///
/// `id` and `text` are typed; every other field (including ones no stage knows) lives in
/// `fields` in its input order and is written back unchanged unless a stage replaces it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub fields: Map<String, Value>,
}

/// Why a JSONL line is not a document.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("a record must be a JSON object, found {0}")]
    NotAnObject(&'static str),
    #[error("missing field `{0}`")]
    Missing(&'static str),
    #[error("field `{field}` must be a string, found {found}")]
    NotAString {
        field: &'static str,
        found: &'static str,
    },
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Document {
    /// A new document with only `id` and `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            fields: Map::new(),
        }
    }

    /// Parses one JSONL line. `id` may be a string or a number (kept as its decimal text).
    pub fn from_json_line(line: &str) -> Result<Self, ParseError> {
        let value: Value =
            serde_json::from_str(line).map_err(|e| ParseError::Json(e.to_string()))?;
        Self::from_value(value)
    }

    /// Builds a document from an already parsed JSON value.
    pub fn from_value(value: Value) -> Result<Self, ParseError> {
        let mut fields = match value {
            Value::Object(map) => map,
            other => return Err(ParseError::NotAnObject(kind_of(&other))),
        };
        let id = match fields.shift_remove("id") {
            None => return Err(ParseError::Missing("id")),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(ParseError::NotAString {
                    field: "id",
                    found: kind_of(&other),
                })
            }
        };
        let text = match fields.shift_remove("text") {
            None => return Err(ParseError::Missing("text")),
            Some(Value::String(s)) => s,
            Some(other) => {
                return Err(ParseError::NotAString {
                    field: "text",
                    found: kind_of(&other),
                })
            }
        };
        Ok(Document { id, text, fields })
    }

    /// Serialises to one JSON line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        let mut out = Vec::with_capacity(self.text.len() + 64);
        self.write_json(&mut out);
        // serde_json only ever writes valid UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends this document as JSON (no trailing newline) to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        // Serialising a tree of strings, numbers and maps into a Vec cannot fail.
        let _ = serde_json::to_writer(out, self);
    }

    /// A field other than `id`/`text`, if present.
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.fields.get(field)
    }

    /// A field decoded as `T`; `Ok(None)` when absent, `Err` naming the field when malformed.
    pub fn get_as<T: DeserializeOwned>(&self, field: &str) -> Result<Option<T>, String> {
        match self.fields.get(field) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => T::deserialize(v)
                .map(Some)
                .map_err(|e| format!("field `{field}` is malformed: {e}")),
        }
    }

    /// Sets (or replaces) a field, keeping its position if it already existed.
    pub fn set(&mut self, field: &str, value: impl Serialize) {
        let value = serde_json::to_value(value).unwrap_or(Value::Null);
        self.fields.insert(field.to_owned(), value);
    }

    /// Records a per-record failure of `stage` in the `errors` field; the record goes on.
    pub fn push_error(&mut self, stage: &str, message: impl Into<String>) {
        let entry = serde_json::json!({ "stage": stage, "message": message.into() });
        match self.fields.get_mut("errors") {
            Some(Value::Array(list)) => list.push(entry),
            _ => {
                self.fields
                    .insert("errors".to_owned(), Value::Array(vec![entry]));
            }
        }
    }

    /// Number of entries in an array field (0 when absent or not an array).
    pub fn array_len(&self, field: &str) -> usize {
        match self.fields.get(field) {
            Some(Value::Array(a)) => a.len(),
            _ => 0,
        }
    }
}

impl Serialize for Document {
    /// `id`, then `source` if present, then `text`, then the other fields in their order:
    /// identifying fields first keeps output greppable and `head`-able.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len() + 2))?;
        map.serialize_entry("id", &self.id)?;
        if let Some(source) = self.fields.get("source") {
            map.serialize_entry("source", source)?;
        }
        map.serialize_entry("text", &self.text)?;
        for (key, value) in &self.fields {
            if key != "source" {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_round_trip_in_order() {
        let line = r#"{"id":"a","zeta":1,"text":"x","alpha":{"k":[1,2]},"source":"s"}"#;
        let doc = Document::from_json_line(line).unwrap();
        assert_eq!(
            doc.to_json_line(),
            r#"{"id":"a","source":"s","text":"x","zeta":1,"alpha":{"k":[1,2]}}"#
        );
    }

    #[test]
    fn bad_records_say_why() {
        assert_eq!(
            Document::from_json_line(r#"{"text":"x"}"#),
            Err(ParseError::Missing("id"))
        );
        assert_eq!(
            Document::from_json_line(r#"{"id":"a"}"#),
            Err(ParseError::Missing("text"))
        );
        assert_eq!(
            Document::from_json_line(r#"{"id":"a","text":3}"#),
            Err(ParseError::NotAString {
                field: "text",
                found: "a number"
            })
        );
        assert_eq!(
            Document::from_json_line("[1]"),
            Err(ParseError::NotAnObject("an array"))
        );
        assert!(matches!(
            Document::from_json_line("{"),
            Err(ParseError::Json(_))
        ));
    }

    #[test]
    fn numeric_ids_are_kept_as_text() {
        let doc = Document::from_json_line(r#"{"id":17,"text":""}"#).unwrap();
        assert_eq!(doc.id, "17");
    }

    #[test]
    fn errors_accumulate() {
        let mut doc = Document::new("a", "t");
        doc.push_error("quotes", "one");
        doc.push_error("sentences", "two");
        assert_eq!(doc.array_len("errors"), 2);
    }
}

//! The record: `id`, `text`, and every other field carried through untouched, in input order.
//! Fields are kept as their JSON text, so a field no stage touches costs one copy, and a field
//! a stage writes is serialised once, straight from its typed value.

use std::fmt;
use std::sync::OnceLock;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;
use serde_json::Value;

/// One document: the unit every stage reads and writes.
///
/// `id` and `text` are typed; every other field (including ones no stage knows) is kept as
/// its JSON text in input order and written back unchanged unless a stage replaces it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    fields: Vec<(String, Field)>,
}

/// A field's JSON text, with its parsed tree built only if someone asks for it by [`Document::get`].
#[derive(Debug, Clone)]
struct Field {
    json: Box<RawValue>,
    tree: OnceLock<Value>,
}

impl Field {
    fn new(json: Box<RawValue>) -> Self {
        Field {
            json,
            tree: OnceLock::new(),
        }
    }

    fn tree(&self) -> &Value {
        self.tree
            .get_or_init(|| serde_json::from_str(self.json.get()).unwrap_or(Value::Null))
    }
}

impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.json.get() == other.json.get()
    }
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

impl Document {
    /// A new document with only `id` and `text`.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            fields: Vec::new(),
        }
    }

    /// Parses one JSONL line. `id` may be a string or a number (kept as its decimal text).
    pub fn from_json_line(line: &str) -> Result<Self, ParseError> {
        let mut de = serde_json::Deserializer::from_str(line);
        let parsed = de
            .deserialize_any(RecordVisitor)
            .and_then(|doc| de.end().map(|()| doc));
        parsed.map_err(|e| ParseError::Json(e.to_string()))?
    }

    /// Serialises to one JSON line (no trailing newline).
    pub fn to_json_line(&self) -> String {
        let mut out = Vec::with_capacity(self.text.len() + 64);
        self.write_json(&mut out);
        // Only valid UTF-8 is ever written: escaped strings and fields' JSON text.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends this document as JSON (no trailing newline) to `out`: `id`, then `source` if
    /// present, then `text`, then the other fields in their order — identifying fields first
    /// keeps output greppable and `head`-able.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        write_string(out, &self.id);
        if let Some(source) = self.field("source") {
            out.extend_from_slice(b",\"source\":");
            out.extend_from_slice(source.json.get().as_bytes());
        }
        out.extend_from_slice(b",\"text\":");
        write_string(out, &self.text);
        for (key, field) in self.fields.iter().filter(|(k, _)| k != "source") {
            out.push(b',');
            write_string(out, key);
            out.push(b':');
            out.extend_from_slice(field.json.get().as_bytes());
        }
        out.push(b'}');
    }

    fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, f)| f)
    }

    /// A field other than `id`/`text`, if present, as a JSON tree (built on first access).
    pub fn get(&self, field: &str) -> Option<&Value> {
        self.field(field).map(Field::tree)
    }

    /// A field's JSON text exactly as it will be written, if present.
    pub fn get_json(&self, field: &str) -> Option<&str> {
        self.field(field).map(|f| f.json.get())
    }

    /// A field decoded as `T`; `Ok(None)` when absent or null, `Err` naming the field when
    /// malformed. Decodes straight from the JSON text, never through a tree.
    pub fn get_as<T: DeserializeOwned>(&self, field: &str) -> Result<Option<T>, String> {
        match self.get_json(field) {
            None | Some("null") => Ok(None),
            Some(json) => serde_json::from_str(json)
                .map(Some)
                .map_err(|e| format!("field `{field}` is malformed: {e}")),
        }
    }

    /// The names of the fields other than `id`/`text`, in their order.
    pub fn field_names(&self) -> impl Iterator<Item = &str> {
        self.fields.iter().map(|(k, _)| k.as_str())
    }

    /// Sets (or replaces) a field, keeping its position if it already existed. The value is
    /// serialised once, here; a value serde cannot write as JSON becomes `null`.
    pub fn set(&mut self, field: &str, value: impl Serialize) {
        let json = serde_json::to_string(&value).unwrap_or_else(|_| "null".to_owned());
        self.set_json(field, json);
    }

    /// Removes a field; true if it was there.
    pub fn remove(&mut self, field: &str) -> bool {
        let before = self.fields.len();
        self.fields.retain(|(k, _)| k != field);
        self.fields.len() != before
    }

    /// Records a per-record failure of `stage` in the `errors` field; the record goes on.
    pub fn push_error(&mut self, stage: &str, message: impl Into<String>) {
        let entry = serde_json::json!({ "stage": stage, "message": message.into() });
        let mut list = match self.get("errors") {
            Some(Value::Array(list)) => list.clone(),
            _ => Vec::new(),
        };
        list.push(entry);
        self.set("errors", list);
    }

    /// Number of entries in an array field (0 when absent or not an array), counted without
    /// building the entries.
    pub fn array_len(&self, field: &str) -> usize {
        self.get_json(field)
            .and_then(|json| serde_json::from_str::<ArrayLen>(json).ok())
            .map_or(0, |n| n.0)
    }

    /// `json` is the output of serde_json, hence valid JSON text.
    fn set_json(&mut self, field: &str, json: String) {
        let Ok(json) = RawValue::from_string(json) else {
            return;
        };
        let value = Field::new(json);
        match self.fields.iter_mut().find(|(k, _)| k == field) {
            Some((_, slot)) => *slot = value,
            None => self.fields.push((field.to_owned(), value)),
        }
    }
}

fn write_string(out: &mut Vec<u8>, s: &str) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

impl Serialize for Document {
    /// The same layout as [`Document::write_json`], for callers that embed a record in a
    /// larger serde structure.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len() + 2))?;
        map.serialize_entry("id", &self.id)?;
        if let Some(source) = self.field("source") {
            map.serialize_entry("source", &source.json)?;
        }
        map.serialize_entry("text", &self.text)?;
        for (key, field) in self.fields.iter().filter(|(k, _)| k != "source") {
            map.serialize_entry(key, &field.json)?;
        }
        map.end()
    }
}

/// Reads a record in one pass: `id` and `text` decoded, every other value kept as JSON text.
/// The visitor's value is itself a `Result` so a well-formed line that is not a record
/// reports the record-level reason rather than a generic serde message.
struct RecordVisitor;

fn kind_error<E>(found: &'static str) -> Result<Result<Document, ParseError>, E> {
    Ok(Err(ParseError::NotAnObject(found)))
}

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Result<Document, ParseError>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut id = None;
        let mut text = None;
        let mut doc = Document::new("", "");
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match &*key {
                "id" => id = Some(map.next_value::<Scalar>()?),
                "text" => text = Some(map.next_value::<Scalar>()?),
                _ => {
                    let value = Field::new(map.next_value()?);
                    match doc.fields.iter_mut().find(|(k, _)| *k == *key) {
                        Some((_, slot)) => *slot = value,
                        None => doc.fields.push((key.into_owned(), value)),
                    }
                }
            }
        }
        doc.id = match id {
            None => return Ok(Err(ParseError::Missing("id"))),
            Some(Scalar::Str(s) | Scalar::Num(s)) => s,
            Some(Scalar::Other(found)) => {
                return Ok(Err(ParseError::NotAString { field: "id", found }))
            }
        };
        doc.text = match text {
            None => return Ok(Err(ParseError::Missing("text"))),
            Some(Scalar::Str(s)) => s,
            Some(Scalar::Num(_)) => {
                return Ok(Err(ParseError::NotAString {
                    field: "text",
                    found: "a number",
                }))
            }
            Some(Scalar::Other(found)) => {
                return Ok(Err(ParseError::NotAString {
                    field: "text",
                    found,
                }))
            }
        };
        Ok(Ok(doc))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        kind_error("an array")
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        kind_error("a string")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        kind_error("a boolean")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        kind_error("null")
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        kind_error("a number")
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        kind_error("a number")
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        kind_error("a number")
    }
}

/// A JSON value read as `id` or `text` would be: a string, a number (kept as its decimal
/// text), or the kind of anything else, for the error message.
enum Scalar {
    Str(String),
    Num(String),
    Other(&'static str),
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a number")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
        Ok(Scalar::Num(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
        Ok(Scalar::Num(
            serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()),
        ))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar::Other("a boolean"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
        Ok(Scalar::Other("null"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("an array"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other("an object"))
    }
}

/// The length of a JSON array, counted without building its elements; anything else fails.
struct ArrayLen(usize);

impl<'de> de::Deserialize<'de> for ArrayLen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Count;
        impl<'de> Visitor<'de> for Count {
            type Value = ArrayLen;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ArrayLen, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(ArrayLen(n))
            }
        }
        deserializer.deserialize_seq(Count)
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
        assert_eq!(serde_json::to_string(&doc).unwrap(), doc.to_json_line());
    }

    #[test]
    fn bad_records_say_why() {
        let cases = [
            (r#"{"text":"x"}"#, ParseError::Missing("id")),
            (r#"{"id":"a"}"#, ParseError::Missing("text")),
            (
                r#"{"id":"a","text":3}"#,
                ParseError::NotAString {
                    field: "text",
                    found: "a number",
                },
            ),
            (
                r#"{"id":[1],"text":{}}"#,
                ParseError::NotAString {
                    field: "id",
                    found: "an array",
                },
            ),
            (
                r#"{"text":{"a":1},"id":"a"}"#,
                ParseError::NotAString {
                    field: "text",
                    found: "an object",
                },
            ),
            ("[1]", ParseError::NotAnObject("an array")),
            ("\"s\"", ParseError::NotAnObject("a string")),
        ];
        for (line, want) in cases {
            assert_eq!(Document::from_json_line(line), Err(want), "{line}");
        }
        for line in [
            "{",
            r#"{"id":"a","text":"x"} {}"#,
            r#"{"id":"a","text":"x","y":}"#,
        ] {
            assert!(
                matches!(Document::from_json_line(line), Err(ParseError::Json(_))),
                "{line}"
            );
        }
    }

    #[test]
    fn numeric_ids_are_kept_as_text() {
        let doc = Document::from_json_line(r#"{"id":17,"text":""}"#).unwrap();
        assert_eq!(doc.id, "17");
        let doc = Document::from_json_line(r#"{"id":-2.5,"text":""}"#).unwrap();
        assert_eq!(doc.id, "-2.5");
    }

    #[test]
    fn escapes_survive_a_round_trip() {
        let line = r#"{"id":"a\"b","text":"line\nnext \u00e9 \ud83d\ude00","k\"ey":"v"}"#;
        let doc = Document::from_json_line(line).unwrap();
        assert_eq!(doc.id, "a\"b");
        assert_eq!(doc.text, "line\nnext é 😀");
        assert_eq!(doc.get_as::<String>("k\"ey").unwrap().as_deref(), Some("v"));
        let again = Document::from_json_line(&doc.to_json_line()).unwrap();
        assert_eq!(again, doc);
    }

    #[test]
    fn set_replaces_in_place_and_remove_keeps_order() {
        let mut doc =
            Document::from_json_line(r#"{"id":"a","text":"","x":1,"y":2,"z":3}"#).unwrap();
        doc.set("y", vec![1, 2, 3]);
        doc.set("w", "new");
        assert!(doc.remove("x"));
        assert!(!doc.remove("x"));
        assert_eq!(doc.field_names().collect::<Vec<_>>(), ["y", "z", "w"]);
        assert_eq!(doc.get_json("y"), Some("[1,2,3]"));
        assert_eq!(doc.get("y"), Some(&serde_json::json!([1, 2, 3])));
        assert_eq!(doc.get_as::<Vec<u8>>("y").unwrap(), Some(vec![1, 2, 3]));
        assert_eq!(doc.array_len("y"), 3);
        assert_eq!(doc.array_len("z"), 0);
        assert_eq!(doc.array_len("missing"), 0);
        assert!(doc.get_as::<Vec<u8>>("w").unwrap_err().contains("`w`"));
    }

    #[test]
    fn duplicate_keys_keep_the_last_value_in_the_first_place() {
        let doc = Document::from_json_line(r#"{"id":"a","text":"","k":1,"j":0,"k":2}"#).unwrap();
        assert_eq!(doc.to_json_line(), r#"{"id":"a","text":"","k":2,"j":0}"#);
    }

    #[test]
    fn errors_accumulate() {
        let mut doc = Document::new("a", "t");
        doc.push_error("quotes", "one");
        doc.push_error("sentences", "two");
        assert_eq!(doc.array_len("errors"), 2);
        assert_eq!(doc.get("errors").unwrap()[1]["stage"], "sentences");
    }
}

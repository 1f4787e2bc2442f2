//! A small RFC 5322 / MIME reader: header fields, addresses, and the part tree, enough for
//! ENVELOPE, BODYSTRUCTURE and BODY[section] of the example server.

/// A header field: name and unfolded value.
pub struct Field<'m> {
    pub name: &'m str,
    pub value: String,
    /// The raw lines of the field, line ends included.
    pub raw: &'m [u8],
}

/// A MIME entity: its header, its body, and its children when multipart.
pub struct Part<'m> {
    pub header: &'m [u8],
    pub body: &'m [u8],
    pub media_type: String,
    pub subtype: String,
    pub params: Vec<(String, String)>,
    pub children: Vec<Part<'m>>,
}

/// Splits a message into header (with the blank line) and body.
pub fn split(message: &[u8]) -> (&[u8], &[u8]) {
    match find(message, b"\r\n\r\n") {
        Some(k) => (&message[..k + 4], &message[k + 4..]),
        None => (message, &[]),
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The header fields of `header`.
pub fn fields(header: &[u8]) -> Vec<Field<'_>> {
    let mut out: Vec<Field<'_>> = Vec::new();
    let mut start = 0;
    while start < header.len() {
        let mut end = start;
        // A field goes on while the next line starts with white space.
        loop {
            let Some(lf) = header[end..].iter().position(|&b| b == b'\n') else {
                end = header.len();
                break;
            };
            end += lf + 1;
            if !matches!(header.get(end), Some(b' ' | b'\t')) {
                break;
            }
        }
        let raw = &header[start..end];
        let text = String::from_utf8_lossy(raw);
        if let Some((name, value)) = text.split_once(':') {
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            let name_len = name.len();
            if let Ok(name) = std::str::from_utf8(&raw[..name_len]) {
                out.push(Field { name, value, raw });
            }
        }
        start = end;
    }
    out
}

/// The value of the first field named `name`.
pub fn field(header: &[u8], name: &str) -> Option<String> {
    fields(header)
        .into_iter()
        .find(|f| f.name.eq_ignore_ascii_case(name))
        .map(|f| f.value)
}

/// `type/subtype; k=v; ...` of a Content-Type value.
pub fn content_type(value: Option<&str>) -> (String, String, Vec<(String, String)>) {
    let Some(value) = value else {
        let params = vec![("CHARSET".to_owned(), "US-ASCII".to_owned())];
        return ("TEXT".to_owned(), "PLAIN".to_owned(), params);
    };
    let mut items = value.split(';');
    let kind = items.next().unwrap_or("text/plain").trim();
    let (t, s) = kind.split_once('/').unwrap_or(("text", "plain"));
    let params = items
        .filter_map(|p| {
            let (k, v) = p.split_once('=')?;
            Some((
                k.trim().to_ascii_uppercase(),
                v.trim().trim_matches('"').to_owned(),
            ))
        })
        .collect();
    (
        t.trim().to_ascii_uppercase(),
        s.trim().to_ascii_uppercase(),
        params,
    )
}

/// Reads the part tree of `message`.
pub fn parse(message: &[u8]) -> Part<'_> {
    let (header, body) = split(message);
    let (media_type, subtype, params) = content_type(field(header, "Content-Type").as_deref());
    let mut children = Vec::new();
    if media_type == "MULTIPART" {
        if let Some((_, boundary)) = params.iter().find(|(k, _)| k == "BOUNDARY") {
            let delimiter = format!("--{boundary}");
            let mut pieces = Vec::new();
            let mut rest = body;
            let mut started = false;
            while let Some(k) = find(rest, delimiter.as_bytes()) {
                if started {
                    // The CRLF before the delimiter belongs to it.
                    let end = k.saturating_sub(2);
                    pieces.push(&rest[..end]);
                }
                started = true;
                let after = &rest[k + delimiter.len()..];
                if after.starts_with(b"--") {
                    break;
                }
                let line_end = after
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(after.len(), |p| p + 1);
                rest = &after[line_end..];
            }
            children = pieces.into_iter().map(parse).collect();
        }
    }
    Part {
        header,
        body,
        media_type,
        subtype,
        params,
        children,
    }
}

/// `Name <user@host>, user@host, ...` as (name, mailbox, host).
pub fn addresses(value: &str) -> Vec<(Option<String>, String, String)> {
    let mut out = Vec::new();
    let (mut depth, mut quoted, mut start) = (0, false, 0);
    let bytes = value.as_bytes();
    let mut items = Vec::new();
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'<' if !quoted => depth += 1,
            b'>' if !quoted => depth -= 1,
            b',' if !quoted && depth == 0 => {
                items.push(&value[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    items.push(&value[start..]);
    for item in items.into_iter().map(str::trim).filter(|i| !i.is_empty()) {
        let (name, addr) = match (item.find('<'), item.rfind('>')) {
            (Some(a), Some(b)) if a < b => {
                let name = item[..a].trim().trim_matches('"').trim();
                ((!name.is_empty()).then(|| name.to_owned()), &item[a + 1..b])
            }
            _ => (None, item),
        };
        let (mailbox, host) = addr.split_once('@').unwrap_or((addr, ""));
        out.push((name, mailbox.to_owned(), host.to_owned()));
    }
    out
}

/// The part at a path of 1-based numbers (`[]` is the message itself). A non-multipart part
/// is its own part 1.
pub fn part_at<'p, 'm>(root: &'p Part<'m>, path: &[u32]) -> Option<&'p Part<'m>> {
    let mut part = root;
    for &n in path {
        part = if part.children.is_empty() && n == 1 {
            part
        } else {
            part.children.get(n.checked_sub(1)? as usize)?
        };
    }
    Some(part)
}

/// The lines of `header` whose field names are (or, with `not`, are not) in `names`, with
/// the blank line.
pub fn header_fields(header: &[u8], names: &[String], not: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for f in fields(header) {
        if f.raw == b"\r\n" {
            continue;
        }
        let listed = names.iter().any(|n| n.eq_ignore_ascii_case(f.name));
        if listed != not {
            out.extend_from_slice(f.raw);
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

//! Reads an image's intrinsic size from its header, so cover images get
//! `width` and `height` attributes and the page does not jump as they load.

/// Width and height in pixels, when the format is known and the header sane.
pub(crate) fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let be32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let le16 = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
    };
    let size = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (be32(16)?, be32(20)?)
    } else if bytes.starts_with(b"GIF8") {
        (le16(6)?, le16(8)?)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_size(bytes)?
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        webp_size(bytes)?
    } else {
        svg_size(std::str::from_utf8(bytes).ok()?)?
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
}

fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 9 < bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        let length = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        // Start-of-frame markers carry the size; C4, C8 and CC do not.
        if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
            let height = u16::from_be_bytes([bytes[at + 5], bytes[at + 6]]);
            let width = u16::from_be_bytes([bytes[at + 7], bytes[at + 8]]);
            return Some((u32::from(width), u32::from(height)));
        }
        at += 2 + length;
    }
    None
}

fn webp_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let le24 = |at: usize| {
        bytes
            .get(at..at + 3)
            .map(|b| u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    };
    match bytes.get(12..16)? {
        b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
        b"VP8 " => {
            let w = u32::from(u16::from_le_bytes([*bytes.get(26)?, *bytes.get(27)?]) & 0x3FFF);
            let h = u32::from(u16::from_le_bytes([*bytes.get(28)?, *bytes.get(29)?]) & 0x3FFF);
            Some((w, h))
        }
        b"VP8L" => {
            let b = bytes.get(21..25)?;
            let bits = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        _ => None,
    }
}

/// The root `<svg>` element's `width`/`height`, else its `viewBox` size.
fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let attribute = |name: &str| -> Option<&str> {
        let mut rest = tag;
        while let Some(at) = rest.find(name) {
            let before = rest[..at].chars().last();
            let after = rest[at + name.len()..].trim_start();
            if before.is_some_and(char::is_whitespace) && after.starts_with('=') {
                let value = after[1..].trim_start();
                let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
                return value[1..].split(quote).next();
            }
            rest = &rest[at + name.len()..];
        }
        None
    };
    let pixels = |value: &str| {
        value
            .trim()
            .trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .filter(|v| *v > 0.0)
    };
    if let (Some(w), Some(h)) = (
        attribute("width").and_then(pixels),
        attribute("height").and_then(pixels),
    ) {
        return Some((w.round() as u32, h.round() as u32));
    }
    let view_box: Vec<f64> = attribute("viewBox")?
        .split([' ', ','])
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    match view_box.as_slice() {
        [_, _, w, h] if *w > 0.0 && *h > 0.0 => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_svg_attributes_then_view_box() {
        assert_eq!(
            image_size(br#"<?xml?><svg xmlns="x" width="1200" height="630"></svg>"#),
            Some((1200, 630))
        );
        assert_eq!(
            image_size(br#"<svg viewBox="0 0 800 400" xmlns="x"><rect/></svg>"#),
            Some((800, 400))
        );
        assert_eq!(
            image_size(br#"<svg width="100%" viewBox="0,0,40,20"></svg>"#),
            Some((40, 20))
        );
        assert_eq!(image_size(b"<svg></svg>"), None);
    }

    #[test]
    fn reads_png_and_gif_headers() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&640u32.to_be_bytes());
        png.extend_from_slice(&480u32.to_be_bytes());
        assert_eq!(image_size(&png), Some((640, 480)));
        assert_eq!(image_size(b"GIF89a\x20\x00\x10\x00"), Some((32, 16)));
    }

    #[test]
    fn reads_jpeg_start_of_frame() {
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 50, 0, 100, 3, 0, 0, 0,
        ];
        assert_eq!(image_size(&jpeg), Some((100, 50)));
    }

    #[test]
    fn gives_up_on_garbage() {
        assert_eq!(image_size(b"not an image"), None);
        assert_eq!(image_size(&[0xFF, 0xD8, 0x00]), None);
    }
}

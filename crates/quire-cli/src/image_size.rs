//! Reads an image's intrinsic size from its header, so cover images get
//! `width` and `height` attributes and the page does not jump as they load.
//! SVG is read by hand: `imagesize` reads only raster formats.

/// Width and height in pixels, when the format is known and the header
/// sane: the raster formats by the `imagesize` crate (PNG, JPEG, GIF, WebP,
/// AVIF, HEIC, BMP, TIFF, ICO…), SVG by its root element.
pub(crate) fn image_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let size = match imagesize::blob_size(bytes) {
        Ok(size) => (
            u32::try_from(size.width).ok()?,
            u32::try_from(size.height).ok()?,
        ),
        Err(_) => svg_size(std::str::from_utf8(bytes).ok()?)?,
    };
    (size.0 > 0 && size.1 > 0).then_some(size)
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
        let mut gif = b"GIF89a\x20\x00\x10\x00".to_vec();
        gif.extend_from_slice(&[0; 16]);
        assert_eq!(image_size(&gif), Some((32, 16)));
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

    /// BMP (like AVIF and HEIC) once got the default 1200×630 without a word.
    #[test]
    fn reads_formats_the_hand_written_reader_did_not() {
        let mut bmp = b"BM".to_vec();
        bmp.extend_from_slice(&[0; 12]);
        bmp.extend_from_slice(&40_u32.to_le_bytes());
        bmp.extend_from_slice(&320_i32.to_le_bytes());
        bmp.extend_from_slice(&200_i32.to_le_bytes());
        bmp.extend_from_slice(&[0; 28]);
        assert_eq!(image_size(&bmp), Some((320, 200)));
    }
}

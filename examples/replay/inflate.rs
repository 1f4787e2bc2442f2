//! The raw DEFLATE streams (RFC 1951, no zlib header) that both directions switch to after the
//! server's tagged OK to `COMPRESS DEFLATE` (RFC 4978).

use flate2::{Decompress, FlushDecompress, Status};

/// Room added to the output when the decompressor fills what it has.
const STEP: usize = 64 * 1024;

/// One direction's decompressor, fed the chunks as they were recorded.
pub struct Inflater {
    state: Decompress,
    ended: bool,
}

impl Inflater {
    /// A decompressor at the start of a raw DEFLATE stream.
    pub fn new() -> Self {
        Self {
            state: Decompress::new(false),
            ended: false,
        }
    }

    /// Appends to `out` everything `input` decompresses to.
    ///
    /// # Errors
    /// When the bytes are not DEFLATE data, or go on after the stream's last block.
    pub fn inflate(&mut self, mut input: &[u8], out: &mut Vec<u8>) -> Result<(), String> {
        while !self.ended {
            if out.capacity() - out.len() < STEP / 2 {
                out.reserve(STEP);
            }
            let (before, written) = (self.state.total_in(), out.len());
            let status = self
                .state
                .decompress_vec(input, out, FlushDecompress::None)
                .map_err(|e| format!("inflating the compressed stream: {e}"))?;
            let used = usize::try_from(self.state.total_in() - before).unwrap_or(input.len());
            input = &input[used.min(input.len())..];
            self.ended = status == Status::StreamEnd;
            // Done once the input is used up and the decompressor stopped short of the room
            // it had (so it holds no more output).
            let stalled = used == 0 && out.len() == written;
            if (input.is_empty() || stalled) && out.len() < out.capacity() {
                break;
            }
        }
        if input.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{} bytes after the end of the compressed stream",
                input.len()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflates_in_any_chunking() {
        use flate2::{Compress, Compression, FlushCompress};
        let text: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let mut packed = Vec::with_capacity(text.len() + 1024);
        let mut c = Compress::new(Compression::default(), false);
        c.compress_vec(&text, &mut packed, FlushCompress::Sync)
            .unwrap();
        for step in [1, 7, 4096, packed.len()] {
            let mut inf = Inflater::new();
            let mut out = Vec::new();
            for chunk in packed.chunks(step) {
                inf.inflate(chunk, &mut out).unwrap();
            }
            assert_eq!(out, text, "chunks of {step}");
        }
    }
}

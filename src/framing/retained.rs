//! Access to bytes the framer still holds after handing them out.
//!
//! A message handed out by [`Framer::next_event`] stays in the buffer until the next call
//! that takes `&mut self`. A state machine that decides in a first step whether a message is
//! for its owner (and must then drop every borrow of the framer) reads the message again here,
//! by its stream offset, without copying it.

use super::Framer;

impl Framer {
    /// The `len` bytes at stream offset `offset`, when the buffer still holds all of them:
    /// the last message (or error head) handed out, until the next call to
    /// [`Framer::next_event`], [`Framer::push`] or [`Framer::take_buffered`].
    pub fn retained(&self, offset: u64, len: usize) -> Option<&[u8]> {
        let start = usize::try_from(offset.checked_sub(self.base)?).ok()?;
        self.buf.get(start..start.checked_add(len)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::framing::{FrameEvent, Framer, FramerConfig, Role};

    #[test]
    fn the_last_message_reads_again_by_offset() {
        let mut framer = Framer::new(FramerConfig::new(Role::Responses));
        framer.push(b"* 1 EXISTS\r\na1 OK done\r\n");
        let Some(FrameEvent::Message(m)) = framer.next_event() else {
            panic!("a message")
        };
        let (offset, len) = (m.offset, m.bytes.len());
        assert_eq!(framer.retained(offset, len), Some(&b"* 1 EXISTS\r\n"[..]));
        let Some(FrameEvent::Message(m)) = framer.next_event() else {
            panic!("a message")
        };
        let (offset, len) = (m.offset, m.bytes.len());
        assert_eq!(framer.retained(offset, len), Some(&b"a1 OK done\r\n"[..]));
        assert_eq!(framer.retained(offset, len + 1), None);
        assert_eq!(framer.retained(u64::MAX, 1), None);
    }
}

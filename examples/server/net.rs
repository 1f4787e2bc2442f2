//! The example server's network side: a thread per connection, each running the machine's
//! run loop over a blocking socket.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use super::session::Session;
use super::store::Store;

/// Accepts connections forever, one thread each.
pub fn run(listener: TcpListener, store: Arc<Mutex<Store>>) {
    for stream in listener.incoming().flatten() {
        let store = Arc::clone(&store);
        std::thread::spawn(move || {
            if let Err(e) = serve(stream, store) {
                eprintln!("connection ended: {e}");
            }
        });
    }
}

/// The run loop: read, feed the machine, answer its events, write what it has to send.
fn serve(mut stream: TcpStream, store: Arc<Mutex<Store>>) -> std::io::Result<()> {
    let mut session = Session::new(store);
    let mut buf = vec![0u8; 64 << 10];
    loop {
        let open = session.serve();
        let out = session.server.transmit();
        if !out.is_empty() {
            stream.write_all(out)?;
            let n = out.len();
            session.server.sent(n);
        }
        if !open {
            return Ok(());
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            session.server.receive_eof();
            session.serve();
            return Ok(());
        }
        session.server.receive(&buf[..n]);
    }
}

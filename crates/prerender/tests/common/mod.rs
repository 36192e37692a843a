//! A backend for the prerenderer's tests: documents served over HTTP from memory on
//! 127.0.0.1, changeable while it runs, and a built site to write into.
#![allow(dead_code)]

use std::{
    collections::HashMap,
    io::{BufRead, BufReader, Write},
    net::TcpListener,
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    thread,
};

/// One response: status, content type, body.
#[derive(Clone)]
pub struct Doc {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Doc {
    pub fn json(body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            content_type: "application/json",
            body: body.into(),
        }
    }

    pub fn status(status: u16) -> Self {
        Self {
            status,
            content_type: "text/plain",
            body: b"error".to_vec(),
        }
    }
}

/// Documents by path (`/api/articles.json`); a path not in the map is a 404. Each request is
/// answered on its own connection. The server thread ends with the test process.
#[derive(Clone)]
pub struct Backend {
    pub origin: String,
    docs: Arc<Mutex<HashMap<String, Doc>>>,
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl Backend {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
        let origin = format!("http://{}", listener.local_addr().expect("an address"));
        let docs: Arc<Mutex<HashMap<String, Doc>>> = Arc::default();
        let requests: Arc<Mutex<Vec<String>>> = Arc::default();
        let (served, log) = (Arc::clone(&docs), Arc::clone(&requests));
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().expect("a stream"));
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // The rest of the head.
                loop {
                    let mut header = String::new();
                    match reader.read_line(&mut header) {
                        Ok(0) | Err(_) => break,
                        Ok(_) if header == "\r\n" => break,
                        Ok(_) => {}
                    }
                }
                let path = line.split(' ').nth(1).unwrap_or("/").to_owned();
                log.lock().unwrap().push(path.clone());
                let doc = served
                    .lock()
                    .unwrap()
                    .get(&path)
                    .cloned()
                    .unwrap_or_else(|| Doc::status(404));
                let head = format!(
                    "HTTP/1.1 {} X\r\ncontent-type: {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                    doc.status,
                    doc.content_type,
                    doc.body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&doc.body);
            }
        });
        Self {
            origin,
            docs,
            requests,
        }
    }

    pub fn serve(&self, path: &str, doc: Doc) {
        self.docs.lock().unwrap().insert(path.to_owned(), doc);
    }

    pub fn remove(&self, path: &str) {
        self.docs.lock().unwrap().remove(path);
    }

    /// The API base: `<origin>/api/`.
    pub fn api(&self) -> String {
        format!("{}/api/", self.origin)
    }

    /// Serves the bundled sample data (`public/data`, every file) under `/api/`.
    pub fn with_sample_data(self) -> Self {
        fn walk(backend: &Backend, dir: &Path, under: &str) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_str().unwrap().to_owned();
                if path.is_dir() {
                    walk(backend, &path, &format!("{under}{name}/"));
                } else {
                    backend.serve(
                        &format!("{under}{name}"),
                        Doc::json(std::fs::read(&path).unwrap()),
                    );
                }
            }
        }
        walk(&self, &repo().join("public/data"), "/api/");
        self
    }
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A built site to write into: the app's `index.html` as `404.html`, in a fresh temporary
/// folder that is removed when the value is dropped.
pub struct Site(pub PathBuf);

impl Site {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("prerender-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(repo().join("index.html"), dir.join("404.html")).unwrap();
        Self(dir)
    }

    pub fn read(&self, page: &str) -> String {
        std::fs::read_to_string(self.0.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"))
    }

    /// Every file under the site whose name marks it as half-written.
    pub fn leftovers(&self) -> Vec<PathBuf> {
        fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.to_string_lossy().contains(".tmp-") {
                    found.push(path);
                }
            }
        }
        let mut found = Vec::new();
        walk(&self.0, &mut found);
        found
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub fn args(api: &str, site: &Site) -> signal_prerender::Args {
    signal_prerender::Args {
        api: api.to_owned(),
        site_url: "https://reader.example/".to_owned(),
        dist: site.0.clone(),
    }
}

//! The validator is `Send + Sync` with no global mutable state: the same bodies give the same
//! reports on 8 threads as on one.

use zylon_schema::{validate_str, Kind, Options, Report};

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<Options>();
    assert_send_sync::<Report>();
    assert_send_sync::<Kind>();
    assert_send_sync::<zylon_schema::Issue>();
}

fn bodies() -> Vec<String> {
    let mut out = Vec::new();
    for i in 0..200 {
        out.push(format!(
            r#"{{"messages":[{{"role":"{}","content":[{{"type":"text","text":"m{i}"}}]}}],"temperature":{},"tools":[{{"name":"t{i}","type":"{}"}}]}}"#,
            if i % 3 == 0 { "User" } else { "user" },
            f64::from(i) / 100.0,
            if i % 4 == 0 { "semantic_search_v1" } else { "web_search_v1" }
        ));
    }
    out
}

#[test]
fn eight_threads_agree_with_one() {
    let bodies = bodies();
    let opts = Options::default();
    let serial: Vec<Report> = bodies
        .iter()
        .map(|b| validate_str(b, Kind::Chat, &opts))
        .collect();
    let parallel: Vec<Vec<Report>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(|| {
                    bodies
                        .iter()
                        .map(|b| validate_str(b, Kind::Chat, &opts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    for p in parallel {
        assert_eq!(p, serial);
    }
    assert!(serial.iter().any(|r| !r.is_valid()) && serial.iter().any(Report::is_valid));
}

//! The buffers of a thread's last parsed document, kept for its next parse: a validator called
//! on many small bodies (a JSON Lines file, a server checking each request) allocated and freed
//! the same buffers for each (the tape's nodes, numbers and unescaped strings, the parser's
//! key stack). Keeping them saves 3.2% of the native instructions of 2,000 bodies of 1.7 KB
//! (callgrind, `validate_lines`: 79.90M before, 77.32M after).
//!
//! A buffer goes back when the tape holding it is dropped (`Kept`'s `Drop`), emptied; one of
//! more than `Kept::MAX_BYTES` (64 KB) is freed instead, so that a thread that once read a
//! large body does not hold its memory. At most one buffer of each kind waits per thread
//! (256 KB at most in all).
//!
//! Native only: in WebAssembly a buffer is the plain type (`Kept<T>` is `T`). A call there is
//! dominated by crossing into the module, and the module stays the size it was (measured on
//! 2026-12-05 with this pool and zylon-schema's `check::spare` on in WebAssembly: 1% faster in
//! Node on small bodies, `bench/ab.mjs`, and 3.0 KB gzip larger, over both modules' budgets).

use std::cell::RefCell;
#[cfg(not(target_arch = "wasm32"))]
use std::ops::{Deref, DerefMut};
use std::thread::LocalKey;

/// `buffer`, kept when dropped (for statics: `Kept::new` is `const`).
pub(crate) const fn kept<T: Recycle>(buffer: T) -> Kept<T> {
    #[cfg(not(target_arch = "wasm32"))]
    return Kept::new(buffer);
    #[cfg(target_arch = "wasm32")]
    return buffer;
}

/// A buffer in WebAssembly: the plain type.
#[cfg(target_arch = "wasm32")]
pub(crate) type Kept<T> = T;

/// A buffer that goes back to its thread's pool when dropped (see the module's text).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Default)]
pub(crate) struct Kept<T: Recycle>(T);

#[cfg(not(target_arch = "wasm32"))]
impl<T: Recycle + std::fmt::Debug> std::fmt::Debug for Kept<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A kind of buffer the pool keeps: its thread-local slot and how to empty it.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub(crate) trait Recycle: Default + 'static {
    /// Where a spare buffer of this kind waits.
    fn slot() -> &'static LocalKey<RefCell<Self>>;
    /// Its capacity in bytes.
    fn bytes(&self) -> usize;
    /// Empty it (keeping its capacity).
    fn clear(&mut self);
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Recycle> Kept<T> {
    /// Buffers of more bytes than this are freed, not kept.
    pub(crate) const MAX_BYTES: usize = crate::KEEP_MAX_BYTES;

    /// An empty buffer that allocates on first use (and is not taken from the pool).
    pub(crate) const fn new(buffer: T) -> Self {
        Kept(buffer)
    }

    /// The spare buffer of this kind, empty, or a new one.
    pub(crate) fn spare() -> Self {
        let taken = T::slot()
            .try_with(|slot| slot.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)))
            .ok()
            .and_then(Result::ok);
        Kept(taken.unwrap_or_default())
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Recycle> Drop for Kept<T> {
    fn drop(&mut self) {
        let bytes = self.0.bytes();
        if bytes == 0 || bytes > Self::MAX_BYTES {
            return;
        }
        let mut buffer = std::mem::take(&mut self.0);
        buffer.clear();
        // (after the thread's locals are gone, or while the slot is in use: freed)
        let _ = T::slot().try_with(|slot| {
            if let Ok(mut spare) = slot.try_borrow_mut() {
                if spare.bytes() < bytes {
                    *spare = buffer;
                }
            }
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Recycle> Deref for Kept<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<T: Recycle> DerefMut for Kept<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

thread_local! {
    static NODES: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
    static NUMS: RefCell<Vec<f64>> = const { RefCell::new(Vec::new()) };
    static KEYS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static LAZY: RefCell<Vec<crate::tape::Lazy>> = const { RefCell::new(Vec::new()) };
}

macro_rules! recycle_vec {
    ($t:ty, $slot:ident) => {
        impl Recycle for Vec<$t> {
            fn slot() -> &'static LocalKey<RefCell<Self>> {
                &$slot
            }
            fn bytes(&self) -> usize {
                self.capacity() * std::mem::size_of::<$t>()
            }
            fn clear(&mut self) {
                Vec::clear(self);
            }
        }
    };
}

recycle_vec!(u64, NODES);
recycle_vec!(f64, NUMS);
recycle_vec!(u32, KEYS);
recycle_vec!(crate::tape::Lazy, LAZY);

// (the pool is native only: in WebAssembly `Kept<T>` is `T`)
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_buffer_is_the_next_spare_emptied() {
        let mut a: Kept<Vec<u64>> = Kept::spare();
        a.extend([1, 2, 3]);
        a.reserve(100);
        let cap = a.capacity();
        drop(a);
        let b: Kept<Vec<u64>> = Kept::spare();
        assert!(b.is_empty());
        assert_eq!(b.capacity(), cap);
        // taken: the slot is empty until `b` goes back
        let c: Kept<Vec<u64>> = Kept::spare();
        assert_eq!(c.capacity(), 0);
    }

    #[test]
    fn a_large_buffer_is_freed_not_kept() {
        let _ = Kept::<Vec<f64>>::spare();
        let mut big: Kept<Vec<f64>> = Kept::spare();
        big.reserve(Kept::<Vec<f64>>::MAX_BYTES / 8 + 1);
        drop(big);
        assert_eq!(Kept::<Vec<f64>>::spare().capacity(), 0);
    }

    #[test]
    fn the_larger_of_two_buffers_is_kept() {
        let _ = Kept::<Vec<u32>>::spare();
        let (mut a, mut b): (Kept<Vec<u32>>, Kept<Vec<u32>>) = (Kept::spare(), Kept::spare());
        a.reserve_exact(8);
        b.reserve_exact(64);
        let big = b.capacity();
        drop(b);
        drop(a);
        assert_eq!(Kept::<Vec<u32>>::spare().capacity(), big);
    }
}

//! Vectors of the rules kept from a thread's last body for its next one, natively: a validator
//! called on many small bodies (a JSON Lines file, a server checking each request) allocated and
//! freed the same few vectors for each (the pointer path, the tools, the message facts, the tool
//! pairing, the server's conversion of the messages). `zylon_json`'s pool does the same for the
//! parser's buffers; this one holds vectors of values that borrow from a body (`Seg<'a>`,
//! `Blk<'a>`), which a thread-local cannot name: a vector goes back emptied, as the same type with
//! the `'static` lifetime (the standard library's in-place `collect` keeps its allocation), and
//! comes out as any shorter lifetime (a `Vec<T>` is covariant).
//!
//! A vector of more than [`MAX_BYTES`] is freed, not kept; at most one vector waits in each slot
//! (declared with [`spare!`]) per thread. In WebAssembly nothing is kept (a call there is
//! dominated by crossing into the module, and the thread-locals cost module size).

#[cfg(not(target_arch = "wasm32"))]
use std::cell::Cell;

/// Vectors of more bytes than this are freed, not kept (the limit of `zylon_json`'s pool).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const MAX_BYTES: usize = zylon_json::KEEP_MAX_BYTES;

/// Where a spare vector of items `T` waits (`T` with every lifetime `'static`): a thread-local
/// natively, nothing in WebAssembly. Declare one with [`spare!`](crate::check::spare::spare).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type Slot<T> = std::thread::LocalKey<Cell<Vec<T>>>;

/// Where a spare vector would wait: nothing is kept in WebAssembly.
#[cfg(target_arch = "wasm32")]
pub(crate) struct Slot<T>(pub(crate) std::marker::PhantomData<T>);

/// Declare a slot for a kind of kept vector: `spare!(NAME: Item<'static>);`.
macro_rules! spare {
    ($slot:ident: $t:ty) => {
        #[cfg(not(target_arch = "wasm32"))]
        thread_local! {
            static $slot: std::cell::Cell<Vec<$t>> = const { std::cell::Cell::new(Vec::new()) };
        }
        #[cfg(target_arch = "wasm32")]
        static $slot: $crate::check::spare::Slot<$t> =
            $crate::check::spare::Slot(std::marker::PhantomData);
    };
}
pub(crate) use spare;

/// The spare vector of `slot`, empty (a new one in WebAssembly, or when none waits). It can be
/// used as a vector of `T` with shorter lifetimes.
#[inline]
pub(crate) fn take<T>(slot: &'static Slot<T>) -> Vec<T> {
    #[cfg(not(target_arch = "wasm32"))]
    return slot.try_with(Cell::take).unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    {
        let _ = slot;
        Vec::new()
    }
}

/// Give `v` back to `slot` for the thread's next body: `U` is `T` with shorter lifetimes (the
/// same layout). It is emptied first; one of more than [`MAX_BYTES`] is freed.
#[inline]
pub(crate) fn keep<T, U>(slot: &'static Slot<T>, v: Vec<U>) {
    debug_assert!(
        std::mem::size_of::<T>() == std::mem::size_of::<U>()
            && std::mem::align_of::<T>() == std::mem::align_of::<U>()
    );
    #[cfg(not(target_arch = "wasm32"))]
    if v.capacity() != 0 && v.capacity() * std::mem::size_of::<U>() <= MAX_BYTES {
        let mut v = v;
        v.clear();
        // The same allocation as a vector of `T` (no item is made: the iterator is empty).
        let v: Vec<T> = v.into_iter().filter_map(|_| None).collect();
        // (after the thread's locals are gone: freed)
        let _ = slot.try_with(|slot| slot.set(v));
    }
    #[cfg(target_arch = "wasm32")]
    drop((slot, v));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Item<'a> {
        Text(&'a str),
        Number(usize),
    }
    spare!(ITEMS: Item<'static>);

    #[test]
    fn a_kept_vector_of_borrowed_items_is_the_next_one_emptied() {
        let text = String::from("borrowed from a body");
        let mut v: Vec<Item<'_>> = take(&ITEMS);
        v.extend([Item::Text(&text), Item::Number(3)]);
        v.reserve(40);
        let (cap, at) = (v.capacity(), v.as_ptr() as usize);
        keep(&ITEMS, v);
        drop(text);
        let next: Vec<Item<'_>> = take(&ITEMS);
        assert!(next.is_empty());
        assert_eq!((next.capacity(), next.as_ptr() as usize), (cap, at));
        // taken: the slot is empty until `next` goes back
        assert_eq!(take(&ITEMS).capacity(), 0);
    }

    #[test]
    fn a_large_vector_is_freed_not_kept() {
        let mut v = take(&ITEMS);
        v.reserve_exact(MAX_BYTES / std::mem::size_of::<Item<'_>>() + 1);
        keep(&ITEMS, v);
        assert_eq!(take(&ITEMS).capacity(), 0);
    }
}

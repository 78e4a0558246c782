#ifndef CPREFETCH_H
#define CPREFETCH_H

/// Asks the processor to start loading the cache line at `address` for a read soon, without
/// waiting for it (x86 `prefetcht0`). Swift has no prefetch of its own; the body writer uses it
/// to fetch the next order's catalogue lines while the validator judges the current order.
static inline void cprefetch_read(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif

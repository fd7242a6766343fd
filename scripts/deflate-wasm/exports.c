/*
 * What src/chart/gzip.ts calls of libdeflate's compressor (vendor/libdeflate-1.14), built for
 * wasm32 with no C library (FREESTANDING): memory is handed out from the module's own heap and
 * never returned, since one compressor and one pair of buffers live as long as the thread does.
 */
#include <stddef.h>
#include "libdeflate.h"

extern unsigned char __heap_base;
static size_t heap_top = (size_t)&__heap_base;

/* n bytes, 16-aligned, growing the memory as needed; NULL when it cannot grow. */
static void *take(size_t n)
{
	size_t at = (heap_top + 15) & ~(size_t)15;
	size_t end = at + n;
	size_t have = __builtin_wasm_memory_size(0) * 65536;

	if (end < at)
		return NULL;
	if (end > have && __builtin_wasm_memory_grow(0, (end - have + 65535) / 65536) == (size_t)-1)
		return NULL;
	heap_top = end;
	return (void *)at;
}

static void keep(void *p)
{
	(void)p;
}

static struct libdeflate_compressor *compressor;

/* The compressor at `level` (1-12); 0 when it could not be allocated. */
__attribute__((export_name("init"))) int init(int level)
{
	libdeflate_set_memory_allocator(take, keep);
	compressor = libdeflate_alloc_compressor(level);
	return compressor != NULL;
}

/* n bytes of the module's memory, for the caller's input and output; 0 when there is no room. */
__attribute__((export_name("alloc"))) void *alloc(size_t n)
{
	return take(n);
}

/* The most bytes deflating n bytes can give. */
__attribute__((export_name("bound"))) size_t bound(size_t n)
{
	return libdeflate_deflate_compress_bound(compressor, n);
}

/* Raw DEFLATE (RFC 1951) of in[0..n) into out[0..cap): its length, 0 if it did not fit. */
__attribute__((export_name("deflate"))) size_t deflate(const void *in, size_t n, void *out, size_t cap)
{
	return libdeflate_deflate_compress(compressor, in, n, out, cap);
}

/*
 * string.c: string operations and conversions, with Go's UTF-8 rules
 * (unicode/utf8: invalid or short sequences decode as U+FFFD of width 1;
 * surrogates and code points above U+10FFFF are invalid).
 */
#include <string.h>

#include "runtime/rt.h"

enum {
    RUNE_ERROR = 0xFFFD,
    MAX_RUNE = 0x10FFFF,
    SURROGATE_MIN = 0xD800,
    SURROGATE_MAX = 0xDFFF
};

/* Allocates an uninitialized-looking (zeroed) string buffer of n bytes. */
static uint8_t *string_alloc(int64_t n) {
    return mgc_alloc((uint64_t)n, NULL, MGC_ALLOC_NOSCAN);
}

MgcString mgc_concatstrings(const MgcString *parts, int64_t n) {
    int64_t total = 0, nonempty = 0, last = 0;
    for (int64_t i = 0; i < n; i++) {
        if (parts[i].len == 0)
            continue;
        if (total + parts[i].len < total)
            mgc_throw("string concatenation too long");
        total += parts[i].len;
        nonempty++;
        last = i;
    }
    if (nonempty == 0)
        return (MgcString){NULL, 0};
    if (nonempty == 1)
        return parts[last];
    uint8_t *p = string_alloc(total);
    int64_t off = 0;
    for (int64_t i = 0; i < n; i++) {
        if (parts[i].len > 0)
            memcpy(p + off, parts[i].ptr, (size_t)parts[i].len);
        off += parts[i].len;
    }
    return (MgcString){p, total};
}

MgcString mgc_concatstring2(MgcString a, MgcString b) {
    MgcString parts[2] = {a, b};
    return mgc_concatstrings(parts, 2);
}

/* Compares bytewise: negative, zero or positive as a < b, a == b, a > b. */
int64_t mgc_cmpstring(MgcString a, MgcString b) {
    int64_t n = a.len < b.len ? a.len : b.len;
    if (n > 0 && a.ptr != b.ptr) {
        int c = memcmp(a.ptr, b.ptr, (size_t)n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    }
    return a.len < b.len ? -1 : a.len > b.len ? 1 : 0;
}

bool mgc_eqstring(MgcString a, MgcString b) {
    if (a.len != b.len)
        return false;
    return a.ptr == b.ptr || a.len == 0 ||
           memcmp(a.ptr, b.ptr, (size_t)a.len) == 0;
}

/* Writes the UTF-8 encoding of r (U+FFFD when invalid) to p (4 bytes of
 * room) and returns its length. */
int64_t mgc_encoderune(uint8_t *p, int32_t r) {
    uint32_t c = (uint32_t)r;
    if (c <= 0x7F) {
        p[0] = (uint8_t)c;
        return 1;
    }
    if (c <= 0x7FF) {
        p[0] = (uint8_t)(0xC0 | c >> 6);
        p[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c > MAX_RUNE || (c >= SURROGATE_MIN && c <= SURROGATE_MAX))
        c = RUNE_ERROR;
    if (c <= 0xFFFF) {
        p[0] = (uint8_t)(0xE0 | c >> 12);
        p[1] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
        p[2] = (uint8_t)(0x80 | (c & 0x3F));
        return 3;
    }
    p[0] = (uint8_t)(0xF0 | c >> 18);
    p[1] = (uint8_t)(0x80 | (c >> 12 & 0x3F));
    p[2] = (uint8_t)(0x80 | (c >> 6 & 0x3F));
    p[3] = (uint8_t)(0x80 | (c & 0x3F));
    return 4;
}

/* string(r) for an integer r: out-of-range values give "\uFFFD". */
MgcString mgc_intstring(int64_t r) {
    int32_t c = (r < 0 || r > MAX_RUNE) ? RUNE_ERROR : (int32_t)r;
    uint8_t tmp[4];
    int64_t n = mgc_encoderune(tmp, c);
    uint8_t *p = string_alloc(n);
    memcpy(p, tmp, (size_t)n);
    return (MgcString){p, n};
}

/* Decodes the rune starting at byte k of s and returns it with the index
 * of the byte after it (for range over a string). */
MgcRuneNext mgc_decoderune(MgcString s, int64_t k) {
    const uint8_t *p = s.ptr + k;
    int64_t n = s.len - k;
    MgcRuneNext bad = {RUNE_ERROR, k + 1};
    if (n <= 0)
        return bad;
    uint8_t b0 = p[0];
    if (b0 < 0x80)
        return (MgcRuneNext){b0, k + 1};
    /* Lead byte: sequence length and the allowed range of the second byte
     * (this rules out overlong forms, surrogates and values > U+10FFFF). */
    int len;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        len = 2;
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0)
            lo = 0xA0;
        else if (b0 == 0xED)
            hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0)
            lo = 0x90;
        else if (b0 == 0xF4)
            hi = 0x8F;
    } else
        return bad;
    if (n < len)
        return bad;
    if (p[1] < lo || p[1] > hi)
        return bad;
    for (int i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return bad;
    int32_t r;
    if (len == 2)
        r = (int32_t)(b0 & 0x1F) << 6 | (p[1] & 0x3F);
    else if (len == 3)
        r = (int32_t)(b0 & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 |
            (p[2] & 0x3F);
    else
        r = (int32_t)(b0 & 0x07) << 18 | (int32_t)(p[1] & 0x3F) << 12 |
            (int32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
    return (MgcRuneNext){r, k + len};
}

MgcString mgc_slicebytetostring(const uint8_t *p, int64_t n) {
    if (n == 0)
        return (MgcString){NULL, 0};
    uint8_t *q = string_alloc(n);
    memcpy(q, p, (size_t)n);
    return (MgcString){q, n};
}

/* []byte(s): capacity rounded up to the size class, as Go's rawbyteslice. */
MgcSlice mgc_stringtoslicebyte(MgcString s) {
    uint64_t cap = mgc_roundupsize((uint64_t)s.len);
    uint8_t *p = mgc_alloc(cap, NULL, MGC_ALLOC_NOSCAN);
    if (s.len > 0)
        memcpy(p, s.ptr, (size_t)s.len);
    return (MgcSlice){p, s.len, (int64_t)cap};
}

MgcString mgc_slicerunetostring(const int32_t *p, int64_t n) {
    int64_t size = 0;
    uint8_t tmp[4];
    for (int64_t i = 0; i < n; i++)
        size += mgc_encoderune(tmp, p[i]);
    if (size == 0)
        return (MgcString){NULL, 0};
    uint8_t *q = string_alloc(size);
    int64_t off = 0;
    for (int64_t i = 0; i < n; i++)
        off += mgc_encoderune(q + off, p[i]);
    return (MgcString){q, size};
}

/* []rune(s): capacity rounded up to the size class, as Go's rawruneslice. */
MgcSlice mgc_stringtoslicerune(MgcString s) {
    int64_t n = 0;
    for (int64_t k = 0; k < s.len; n++)
        k = s.ptr[k] < 0x80 ? k + 1 : mgc_decoderune(s, k).next;
    uint64_t bytes = mgc_roundupsize((uint64_t)n * 4);
    int32_t *p = mgc_alloc(bytes, NULL, MGC_ALLOC_NOSCAN);
    int64_t i = 0;
    for (int64_t k = 0; k < s.len; i++) {
        MgcRuneNext rn = mgc_decoderune(s, k);
        p[i] = rn.rune;
        k = rn.next;
    }
    return (MgcSlice){p, n, (int64_t)(bytes / 4)};
}

/* runes.h — UTF-8 and the few Unicode properties the lexer needs, private to
 * lexer/.  Decoding follows Go's unicode/utf8: an invalid sequence decodes
 * as RUNE_ERROR of width 1.  Character classes are those of Go 1.19's
 * unicode.IsLetter, unicode.IsDigit and strconv.IsPrint. */
#ifndef MGC_LEXER_RUNES_H
#define MGC_LEXER_RUNES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    RUNE_SELF = 0x80,       /* runes below this are single bytes */
    RUNE_ERROR = 0xFFFD,
    RUNE_MAX = 0x10FFFF,
    RUNE_BOM = 0xFEFF,
    UTF8_MAX = 4,
};

/* Decodes the rune starting at s, with n bytes available (n >= 1); stores
 * its width in *width (1 for an invalid sequence, which yields RUNE_ERROR). */
int32_t utf8_decode(const unsigned char *s, size_t n, int *width);
/* Writes the UTF-8 encoding of r into buf (at least UTF8_MAX bytes) and
 * returns its length; an invalid r is encoded as RUNE_ERROR. */
int utf8_encode(char *buf, int32_t r);

bool rune_is_letter(int32_t r);   /* unicode.IsLetter */
bool rune_is_digit(int32_t r);    /* unicode.IsDigit */
bool rune_is_print(int32_t r);    /* strconv.IsPrint */

/* Formats r as Go's %#U ("U+0040 '@'") into buf. */
void rune_format_unicode(char *buf, size_t n, int64_t r);
/* Formats r as Go's %q of a rune ("'a'", "'\n'", "'\u00a0'") into buf. */
void rune_format_quoted(char *buf, size_t n, int32_t r);

#endif

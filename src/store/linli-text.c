/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-text"

#include "config.h"

#include <string.h>

#include "linli-text.h"

#define FULLWIDTH_FIRST 0xFF01  /* ！, the full-width form of '!' */
#define FULLWIDTH_LAST  0xFF5E  /* ～, of '~' */
#define IDEOGRAPHIC_SPACE 0x3000

static gboolean
is_wide_digit (gunichar c)
{
  return c >= 0xFF10 && c <= 0xFF19;
}

static gboolean
is_digit_either (gunichar c)
{
  return (c >= '0' && c <= '9') || is_wide_digit (c);
}

static gboolean
is_wide_letter (gunichar c)
{
  return (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

/* The separators of numbers: 3－2－501, ３．５, ２０２５／６／３, ０８：２５. */
static gboolean
is_wide_number_separator (gunichar c)
{
  return c == 0xFF0D || c == 0xFF0E || c == 0xFF0F || c == 0xFF1A;
}

/* Whether linli_text_fold_width() changes @c, between @previous and
 * @next. */
static gboolean
folds (gunichar       previous,
       gunichar       c,
       gunichar       next,
       LinliWidthFold fold)
{
  if (fold == LINLI_WIDTH_NUMBER)
    return (c >= FULLWIDTH_FIRST && c <= FULLWIDTH_LAST) || c == IDEOGRAPHIC_SPACE;
  return is_wide_digit (c) || is_wide_letter (c) ||
         (is_wide_number_separator (c) && is_digit_either (previous) && is_digit_either (next));
}

/**
 * linli_text_fold_width:
 * @text: (nullable): UTF-8 text
 * @fold: what to fold: %LINLI_WIDTH_TEXT keeps the full-width punctuation
 *   Chinese prose is written with (，（）), %LINLI_WIDTH_NUMBER is for fields
 *   that hold a phone number, a date, a count
 *
 * Returns: (transfer full) (nullable): @text with its full-width digits and
 *   letters as ASCII; %NULL for %NULL
 */
char *
linli_text_fold_width (const char     *text,
                       LinliWidthFold  fold)
{
  GString *out;
  gunichar previous = 0;

  if (text == NULL)
    return NULL;
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), g_strdup (text));

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));

      if (!folds (previous, c, next, fold))
        g_string_append_unichar (out, c);
      else if (c == IDEOGRAPHIC_SPACE)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, (char) (c - FULLWIDTH_FIRST + '!'));
      previous = c;
    }
  return g_string_free (out, FALSE);
}

/**
 * linli_text_width_folds:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @fold: what is folded, as linli_text_fold_width() has it
 *
 * Whether linli_text_fold_width() would change @text: much cheaper than
 * folding, for the Chinese prose whose full-width punctuation (，：（）)
 * stays as it is. It looks only at the characters that start with the
 * bytes of the full-width forms and the ideographic space.
 *
 * Returns: whether @text has something to fold
 */
gboolean
linli_text_width_folds (const char     *text,
                        gssize          length,
                        LinliWidthFold  fold)
{
  const char *end;

  g_return_val_if_fail (text != NULL, FALSE);

  end = text + (length < 0 ? strlen (text) : (gsize) length);
  for (const char *p = text; p < end; p++)
    {
      const char *before;
      gunichar c, previous = 0, next = 0;

      /* U+FF01..FF5E are EF BC 81..EF BD 9E, all a text folds; U+3000 is
       * E3 80 80. An invalid sequence reads as (gunichar) -1, which folds
       * to nothing. */
      if (fold == LINLI_WIDTH_TEXT)
        {
          if ((p = memchr (p, 0xEF, end - p)) == NULL)
            break;
        }
      else if ((guchar) *p != 0xEF && (guchar) *p != 0xE3)
        continue;
      c = g_utf8_get_char_validated (p, end - p);
      if (p > text && (before = g_utf8_find_prev_char (text, p)) != NULL)
        previous = g_utf8_get_char_validated (before, p - before);
      if (end - p > 3)
        next = g_utf8_get_char_validated (p + 3, end - p - 3);
      if (folds (previous, c, next, fold))
        return TRUE;
    }
  return FALSE;
}

/**
 * linli_text_has_wide:
 *
 * Returns: whether @text holds a full-width digit or letter, which
 *   linli_text_fold_width() would change
 */
gboolean
linli_text_has_wide (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_wide_digit (c) || is_wide_letter (c))
        return TRUE;
    }
  return FALSE;
}

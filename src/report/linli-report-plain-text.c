/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-report-plain-text.h"

/* Most table cells are Chinese characters, digits and Latin letters of a
 * single font. Such text needs neither font fallback nor complex shaping:
 * each character is one glyph with its own advance. Those are looked up
 * once per character (through Pango, so they are exactly what Pango would
 * use) and the cell is then broken into lines and drawn from them, with the
 * same break rules as PangoLayout's word-char wrapping in the common cases:
 * after spaces and around ideographs, never before closing punctuation or
 * after opening punctuation, anywhere when a word is longer than the line.
 * Measuring and drawing share the breaking, so a row is exactly as tall as
 * its text. Anything else (a character of another font, a line break, a
 * tab) is left to PangoLayout by the caller. */

typedef struct
{
  PangoGlyph        glyph;
  int               advance;   /* Pango units */
  GUnicodeBreakType type;
  gboolean          plain;
} GlyphInfo;

#define BMP 0x10000

struct _LinliPlainText
{
  PangoLayout      *probe;
  PangoFont        *font;
  PangoLanguage    *language;
  guint16          *bmp;      /* gunichar → position in glyphs + 1 */
  GHashTable       *index;    /* the same beyond the BMP */
  GArray           *glyphs;   /* GlyphInfo */
  cairo_scaled_font_t *scaled_font;
  /* What draw has set out and flush shows in one go. */
  GArray           *glyph_batch;    /* cairo_glyph_t */
  GArray           *cluster_batch;  /* cairo_text_cluster_t */
  GString          *text_batch;
  double            line_height;
  double            ascent;
};

LinliPlainText *
linli_plain_text_new (PangoContext               *context,
                      const PangoFontDescription *desc)
{
  LinliPlainText *self = g_new0 (LinliPlainText, 1);
  PangoLayoutLine *line;
  int height;

  self->probe = pango_layout_new (context);
  pango_layout_set_font_description (self->probe, desc);
  pango_layout_set_text (self->probe, "国", -1);
  pango_layout_get_size (self->probe, NULL, &height);
  self->line_height = (double) height / PANGO_SCALE;
  self->ascent = (double) pango_layout_get_baseline (self->probe) / PANGO_SCALE;

  line = pango_layout_get_line_readonly (self->probe, 0);
  if (line->runs != NULL)
    self->font = g_object_ref (((PangoGlyphItem *) line->runs->data)->item->analysis.font);
  self->language = pango_context_get_language (context);

  self->bmp = g_new0 (guint16, BMP);
  self->index = g_hash_table_new (NULL, NULL);
  self->glyphs = g_array_new (FALSE, TRUE, sizeof (GlyphInfo));
  if (self->font)
    self->scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->font));
  self->glyph_batch = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  self->cluster_batch = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  self->text_batch = g_string_new (NULL);
  return self;
}

void
linli_plain_text_free (LinliPlainText *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->probe);
  g_clear_object (&self->font);
  g_free (self->bmp);
  g_hash_table_unref (self->index);
  g_array_unref (self->glyphs);
  g_array_unref (self->glyph_batch);
  g_array_unref (self->cluster_batch);
  g_string_free (self->text_batch, TRUE);
  g_free (self);
}

double
linli_plain_text_get_line_height (LinliPlainText *self)
{
  return self->line_height;
}

static const GlyphInfo *
glyph_of (LinliPlainText *self,
          gunichar        c)
{
  guint position = c < BMP ? self->bmp[c]
                   : GPOINTER_TO_UINT (g_hash_table_lookup (self->index, GUINT_TO_POINTER (c)));
  GlyphInfo info = { 0 };

  if (G_LIKELY (position > 0))
    return &g_array_index (self->glyphs, GlyphInfo, position - 1);

  info.type = g_unichar_break_type (c);

  if (c != '\n' && c != '\r' && c != '\t' && !g_unichar_iscntrl (c) && self->font != NULL)
    {
      char utf8[8];
      int len = g_unichar_to_utf8 (c, utf8);
      PangoLayoutLine *line;

      pango_layout_set_text (self->probe, utf8, len);
      line = pango_layout_get_line_readonly (self->probe, 0);
      if (line->runs != NULL && line->runs->next == NULL)
        {
          PangoGlyphItem *run = line->runs->data;

          if (run->item->analysis.font == self->font
              && run->glyphs->num_glyphs == 1
              && !(run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
              && run->glyphs->glyphs[0].geometry.x_offset == 0
              && run->glyphs->glyphs[0].geometry.y_offset == 0)
            {
              info.glyph = run->glyphs->glyphs[0].glyph;
              info.advance = run->glyphs->glyphs[0].geometry.width;
              info.plain = TRUE;
            }
        }
    }

  /* Past 65,535 different characters the rest go through Pango. */
  if (self->glyphs->len >= G_MAXUINT16)
    info.plain = FALSE;
  g_array_append_val (self->glyphs, info);
  if (c < BMP)
    self->bmp[c] = MIN (self->glyphs->len, G_MAXUINT16);
  else
    g_hash_table_insert (self->index, GUINT_TO_POINTER (c), GUINT_TO_POINTER (self->glyphs->len));
  return &g_array_index (self->glyphs, GlyphInfo, self->glyphs->len - 1);
}

/* The classes a line may not start with (UAX #14 LB13, LB21 and the like). */
static gboolean
no_break_before (GUnicodeBreakType type)
{
  switch ((int) type)
    {
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARANTHESIS:
    case G_UNICODE_BREAK_EXCLAMATION:
    case G_UNICODE_BREAK_INFIX_SEPARATOR:
    case G_UNICODE_BREAK_SYMBOL:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_CONDITIONAL_JAPANESE_STARTER:
    case G_UNICODE_BREAK_AFTER:
    case G_UNICODE_BREAK_HYPHEN:
    case G_UNICODE_BREAK_QUOTATION:
    case G_UNICODE_BREAK_NON_BREAKING_GLUE:
    case G_UNICODE_BREAK_WORD_JOINER:
    case G_UNICODE_BREAK_COMBINING_MARK:
    case G_UNICODE_BREAK_ZERO_WIDTH_JOINER:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_alnum (GUnicodeBreakType type)
{
  return type == G_UNICODE_BREAK_ALPHABETIC || type == G_UNICODE_BREAK_NUMERIC
         || type == G_UNICODE_BREAK_PREFIX || type == G_UNICODE_BREAK_POSTFIX
         || type == G_UNICODE_BREAK_HEBREW_LETTER;
}

/* UAX #14 for the classes plain table text has: after spaces; not before
 * closing punctuation and the like nor after opening punctuation; around
 * ideographs; not inside words and numbers (2026-03-04, 12:30, 98.5%). */
static gboolean
can_break_between (GUnicodeBreakType b,
                   GUnicodeBreakType a)
{
  if (a == G_UNICODE_BREAK_SPACE)
    return FALSE;
  if (b == G_UNICODE_BREAK_SPACE)
    return TRUE;
  if (no_break_before (a))
    return FALSE;
  if (b == G_UNICODE_BREAK_OPEN_PUNCTUATION || b == G_UNICODE_BREAK_QUOTATION
      || b == G_UNICODE_BREAK_NON_BREAKING_GLUE || b == G_UNICODE_BREAK_WORD_JOINER
      || b == G_UNICODE_BREAK_ZERO_WIDTH_JOINER)
    return FALSE;
  if (b == G_UNICODE_BREAK_IDEOGRAPHIC || a == G_UNICODE_BREAK_IDEOGRAPHIC)
    return b != G_UNICODE_BREAK_PREFIX && a != G_UNICODE_BREAK_POSTFIX;
  if (is_alnum (b) && is_alnum (a))
    return FALSE;
  if (b == G_UNICODE_BREAK_INFIX_SEPARATOR
      && (a == G_UNICODE_BREAK_NUMERIC || a == G_UNICODE_BREAK_ALPHABETIC))
    return FALSE;
  if ((b == G_UNICODE_BREAK_SYMBOL || b == G_UNICODE_BREAK_HYPHEN) && a == G_UNICODE_BREAK_NUMERIC)
    return FALSE;
  return TRUE;
}

typedef void (*LineFunc) (LinliPlainText *self,
                          const char     *text,
                          const char     *start,
                          const char     *end,
                          int             width,
                          gpointer        data);

/* Breaks text into lines of at most width; 0 when it is not plain. */
static guint
break_lines (LinliPlainText *self,
             const char     *text,
             double          max_width,
             LineFunc        func,
             gpointer        data)
{
  int limit = (int) (max_width * PANGO_SCALE);
  const char *start = text, *brk = NULL;
  int width = 0, width_at_brk = 0, visible = 0, visible_at_brk = 0;
  GUnicodeBreakType prev = G_UNICODE_BREAK_UNKNOWN;
  guint n_lines = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const GlyphInfo *info = glyph_of (self, c);
      gboolean space;

      if (!info->plain)
        return 0;
      space = info->type == G_UNICODE_BREAK_SPACE;

      if (p != start && can_break_between (prev, info->type))
        {
          brk = p;
          width_at_brk = width;
          visible_at_brk = visible;
        }

      if (!space && p != start && width + info->advance > limit)
        {
          if (brk != NULL && brk > start)
            {
              if (func)
                func (self, text, start, brk, visible_at_brk, data);
              start = brk;
              width -= width_at_brk;
              visible = width;
            }
          else
            {
              if (func)
                func (self, text, start, p, visible, data);
              start = p;
              width = visible = 0;
            }
          n_lines++;
          brk = NULL;
        }

      width += info->advance;
      if (!space)
        visible = width;
      prev = info->type;
    }

  if (func)
    func (self, text, start, start + strlen (start), visible, data);
  return n_lines + 1;
}

double
linli_plain_text_measure (LinliPlainText *self,
                          const char     *text)
{
  int width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      const GlyphInfo *info = glyph_of (self, g_utf8_get_char (p));

      if (!info->plain)
        return -1;
      width += info->advance;
    }
  return (double) width / PANGO_SCALE;
}

guint
linli_plain_text_count_lines (LinliPlainText *self,
                              const char     *text,
                              double          width)
{
  return break_lines (self, text, width, NULL, NULL);
}

typedef struct
{
  double          x, y, width;
  PangoAlignment  alignment;
} DrawState;

static void
draw_line (LinliPlainText *self,
           const char     *text,
           const char     *start,
           const char     *end,
           int             width,
           gpointer        data)
{
  DrawState *state = data;
  double x = state->x;
  double baseline = state->y + self->ascent;

  if (state->alignment == PANGO_ALIGN_CENTER)
    x += (state->width - (double) width / PANGO_SCALE) / 2;
  else if (state->alignment == PANGO_ALIGN_RIGHT)
    x += state->width - (double) width / PANGO_SCALE;

  g_string_append_len (self->text_batch, start, end - start);
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      const GlyphInfo *info = glyph_of (self, g_utf8_get_char (p));
      cairo_glyph_t glyph = { info->glyph, x, baseline };
      cairo_text_cluster_t cluster = { g_utf8_next_char (p) - p, 1 };

      x += (double) info->advance / PANGO_SCALE;
      g_array_append_val (self->glyph_batch, glyph);
      g_array_append_val (self->cluster_batch, cluster);
    }
  state->y += self->line_height;
}

gboolean
linli_plain_text_draw (LinliPlainText *self,
                       const char     *text,
                       double          x,
                       double          y,
                       double          width,
                       double          height,
                       PangoAlignment  alignment)
{
  DrawState state = { x, y, width, alignment };
  guint first_glyph = self->glyph_batch->len;
  guint first_cluster = self->cluster_batch->len;
  gsize first_byte = self->text_batch->len;
  guint n_lines = break_lines (self, text, width, draw_line, &state);
  double shift;

  if (n_lines == 0)
    {
      g_array_set_size (self->glyph_batch, first_glyph);
      g_array_set_size (self->cluster_batch, first_cluster);
      g_string_truncate (self->text_batch, first_byte);
      return FALSE;
    }

  shift = (height - n_lines * self->line_height) / 2;
  for (guint i = first_glyph; i < self->glyph_batch->len; i++)
    g_array_index (self->glyph_batch, cairo_glyph_t, i).y += shift;
  return TRUE;
}

void
linli_plain_text_flush (LinliPlainText *self,
                        cairo_t        *cr)
{
  if (self->glyph_batch->len == 0)
    return;

  cairo_set_scaled_font (cr, self->scaled_font);
  cairo_show_text_glyphs (cr, self->text_batch->str, self->text_batch->len,
                          (cairo_glyph_t *) self->glyph_batch->data, self->glyph_batch->len,
                          (cairo_text_cluster_t *) self->cluster_batch->data,
                          self->cluster_batch->len, 0);
  g_array_set_size (self->glyph_batch, 0);
  g_array_set_size (self->cluster_batch, 0);
  g_string_truncate (self->text_batch, 0);
}

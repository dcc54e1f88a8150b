/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "linli-report-layout-private.h"

/* Tables are where the pages are: a 10,000-case list is 60,000 cells. Each
 * column has one PangoLayout that is given each cell's text in turn; a
 * cell that clearly fits on one line (by the cached advance of each of its
 * characters) is not laid out to be measured at all; and the texts a
 * column repeats (grids, categories, statuses) keep a layout of their own,
 * so drawing them needs no shaping either. */

#define PAD_X 3.0
#define PAD_Y 2.5
#define RULE_INNER 0.5
#define RULE_OUTER 1.0
#define MAX_CACHED_PER_COLUMN 512
/* Room left for kerning and rounding when a width is estimated. */
#define FIT_SLACK 0.96

typedef struct
{
  PangoLayout *layout;        /* the cell text goes through this one */
  PangoLayout *bold;
  GHashTable  *cached;        /* text → PangoLayout, regular weight */
  double       x;
  double       width;         /* of the text, inside the padding */
} Column;

struct _LinliTableLayout
{
  LinliReportStyle *style;
  LinliReportTable *table;
  gboolean          figures;
  guint             n_columns;
  Column           *columns;
  double            width;
  double            line_height;
  double            header_height;
  float            *row_heights;
  LinliTextLines   *caption;
  GHashTable       *advances;  /* gunichar → width in points, as a float bit pattern */
  PangoLayout      *probe;
};

static PangoLayout *
column_layout (LinliTableLayout           *self,
               guint                       column,
               const PangoFontDescription *desc)
{
  PangoLayout *layout = pango_layout_new (self->style->context);
  LinliReportAlign align = self->table->columns[column].align;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (self->columns[column].width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout,
                              align == LINLI_REPORT_ALIGN_CENTER ? PANGO_ALIGN_CENTER :
                              align == LINLI_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT :
                              PANGO_ALIGN_LEFT);
  return layout;
}

static double
advance_of (LinliTableLayout *self,
            gunichar          c)
{
  gpointer found;
  char utf8[8];
  int len, width;
  union { float f; guint32 u; } bits;

  if (g_hash_table_lookup_extended (self->advances, GUINT_TO_POINTER (c), NULL, &found))
    {
      bits.u = GPOINTER_TO_UINT (found);
      return bits.f;
    }

  len = g_unichar_to_utf8 (c, utf8);
  pango_layout_set_text (self->probe, utf8, len);
  pango_layout_get_size (self->probe, &width, NULL);
  bits.f = (float) width / PANGO_SCALE;
  g_hash_table_insert (self->advances, GUINT_TO_POINTER (c), GUINT_TO_POINTER (bits.u));
  return bits.f;
}

/* Whether the text surely fits on one line of the given width. */
static gboolean
fits_one_line (LinliTableLayout *self,
               const char       *text,
               double            width)
{
  double total = 0;
  double limit = width * FIT_SLACK;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t')
        return FALSE;
      total += advance_of (self, c);
      if (total > limit)
        return FALSE;
    }
  return TRUE;
}

static double
text_height (LinliTableLayout *self,
             guint             column,
             const char       *text,
             gboolean          bold)
{
  Column *col = &self->columns[column];
  PangoLayout *layout;
  int height;

  if (*text == '\0')
    return self->line_height;
  if (!bold && fits_one_line (self, text, col->width))
    return self->line_height;

  layout = bold ? col->bold : col->layout;
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
measure_row (LinliTableLayout   *self,
             const char * const *cells,
             gboolean            bold)
{
  double height = self->line_height;

  for (guint c = 0; c < self->n_columns; c++)
    {
      gboolean cell_bold = bold || (self->figures && c % 2 == 0);
      height = MAX (height, text_height (self, c, cells[c] ? cells[c] : "", cell_bold));
    }
  return height + 2 * PAD_Y;
}

LinliTableLayout *
linli_table_layout_new (LinliReportStyle *style,
                        LinliReportTable *table,
                        gboolean          figures,
                        double            width)
{
  LinliTableLayout *self = g_new0 (LinliTableLayout, 1);
  double total_weight = 0, x = 0;
  int line_height;

  self->style = style;
  self->table = table;
  self->figures = figures;
  self->width = width;
  self->n_columns = table->n_columns;
  self->columns = g_new0 (Column, self->n_columns);
  self->advances = g_hash_table_new (NULL, NULL);

  for (guint c = 0; c < self->n_columns; c++)
    total_weight += table->columns[c].width;
  for (guint c = 0; c < self->n_columns; c++)
    {
      double w = width * table->columns[c].width / total_weight;

      self->columns[c].x = x;
      self->columns[c].width = MAX (1, w - 2 * PAD_X);
      self->columns[c].layout = column_layout (self, c, style->table);
      self->columns[c].bold = column_layout (self, c, style->table_bold);
      self->columns[c].cached = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       NULL, g_object_unref);
      x += w;
    }

  self->probe = pango_layout_new (style->context);
  pango_layout_set_font_description (self->probe, style->table);
  pango_layout_set_text (self->probe, "国", -1);
  pango_layout_get_size (self->probe, NULL, &line_height);
  self->line_height = (double) line_height / PANGO_SCALE;

  if (!figures)
    {
      g_autofree const char **titles = g_new0 (const char *, self->n_columns);

      for (guint c = 0; c < self->n_columns; c++)
        titles[c] = table->columns[c].title;
      self->header_height = measure_row (self, titles, TRUE);
    }

  self->row_heights = g_new (float, table->rows->len);
  for (guint r = 0; r < table->rows->len; r++)
    self->row_heights[r] = measure_row (self, g_ptr_array_index (table->rows, r),
                                        g_array_index (table->totals, gboolean, r));

  if (table->caption && *table->caption)
    self->caption = linli_text_lines_new (style, style->caption, table->caption, width,
                                          12 * 1.8, 0, PANGO_ALIGN_CENTER);

  return self;
}

void
linli_table_layout_free (LinliTableLayout *self)
{
  if (self == NULL)
    return;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_object_unref (self->columns[c].layout);
      g_object_unref (self->columns[c].bold);
      g_hash_table_unref (self->columns[c].cached);
    }
  g_free (self->columns);
  g_free (self->row_heights);
  linli_text_lines_free (self->caption);
  g_hash_table_unref (self->advances);
  g_object_unref (self->probe);
  g_free (self);
}

guint
linli_table_layout_get_n_rows (LinliTableLayout *self)
{
  return self->table->rows->len;
}

double
linli_table_layout_get_row_height (LinliTableLayout *self,
                                   guint             row)
{
  return self->row_heights[row];
}

double
linli_table_layout_get_header_height (LinliTableLayout *self)
{
  return self->header_height;
}

double
linli_table_layout_get_caption_height (LinliTableLayout *self)
{
  return self->caption ? self->caption->n_lines * self->caption->pitch : 0;
}

static PangoLayout *
layout_for_cell (LinliTableLayout *self,
                 guint             column,
                 const char       *text,
                 gboolean          bold)
{
  Column *col = &self->columns[column];
  PangoLayout *layout;

  if (bold)
    {
      pango_layout_set_text (col->bold, text, -1);
      return col->bold;
    }

  layout = g_hash_table_lookup (col->cached, text);
  if (layout)
    return layout;

  if (g_hash_table_size (col->cached) < MAX_CACHED_PER_COLUMN)
    {
      const char *key;

      /* The layout's own copy of the text is its key. */
      layout = pango_layout_copy (col->layout);
      pango_layout_set_text (layout, text, -1);
      key = pango_layout_get_text (layout);
      g_hash_table_insert (col->cached, (gpointer) key, layout);
      return layout;
    }

  pango_layout_set_text (col->layout, text, -1);
  return col->layout;
}

static void
draw_row (LinliTableLayout   *self,
          cairo_t            *cr,
          double              x,
          double              y,
          double              height,
          const char * const *cells,
          gboolean            bold)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *text = cells[c] ? cells[c] : "";
      gboolean cell_bold = bold || (self->figures && c % 2 == 0);
      PangoLayout *layout;
      int text_h;

      if (self->figures && c % 2 == 0)
        {
          double w = self->columns[c].width + 2 * PAD_X;

          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_rectangle (cr, x + self->columns[c].x, y, w, height);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      if (*text == '\0')
        continue;

      layout = layout_for_cell (self, c, text, cell_bold);
      pango_layout_get_size (layout, NULL, &text_h);
      cairo_move_to (cr, x + self->columns[c].x + PAD_X,
                     y + (height - (double) text_h / PANGO_SCALE) / 2);
      pango_cairo_show_layout (cr, layout);
    }
}

void
linli_table_layout_draw (LinliTableLayout *self,
                         cairo_t          *cr,
                         double            x,
                         double            y,
                         gboolean          with_caption,
                         guint             first,
                         guint             last)
{
  LinliReportTable *table = self->table;
  g_autofree double *rules = NULL;
  guint n_rules = 0;
  double top, bottom;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  if (with_caption && self->caption)
    {
      linli_text_lines_draw (self->caption, cr, x, y, 0, self->caption->n_lines);
      y += linli_table_layout_get_caption_height (self);
    }

  top = y;
  rules = g_new (double, last - first + 2);

  if (!self->figures)
    {
      g_autofree const char **titles = g_new0 (const char *, self->n_columns);

      for (guint c = 0; c < self->n_columns; c++)
        titles[c] = table->columns[c].title;
      draw_row (self, cr, x, y, self->header_height, titles, TRUE);
      y += self->header_height;
      rules[n_rules++] = y;
    }

  for (guint r = first; r < last; r++)
    {
      gboolean total = g_array_index (table->totals, gboolean, r);

      if (total && n_rules > 0)
        rules[n_rules - 1] = -rules[n_rules - 1];   /* a heavier rule above a total */
      draw_row (self, cr, x, y, self->row_heights[r],
                g_ptr_array_index (table->rows, r), total);
      y += self->row_heights[r];
      if (r + 1 < last)
        rules[n_rules++] = y;
    }
  bottom = y;

  /* Rules between the rows, then the columns, then the frame. */
  cairo_set_line_width (cr, RULE_INNER);
  for (guint i = 0; i < n_rules; i++)
    {
      double ry = fabs (rules[i]);

      cairo_set_line_width (cr, rules[i] < 0 ? RULE_OUTER : RULE_INNER);
      cairo_move_to (cr, x, ry);
      cairo_line_to (cr, x + self->width, ry);
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, RULE_INNER);
  for (guint c = 1; c < self->n_columns; c++)
    {
      cairo_move_to (cr, x + self->columns[c].x, top);
      cairo_line_to (cr, x + self->columns[c].x, bottom);
    }
  cairo_stroke (cr);
  cairo_set_line_width (cr, RULE_OUTER);
  cairo_rectangle (cr, x, top, self->width, bottom - top);
  cairo_stroke (cr);

  cairo_restore (cr);
}

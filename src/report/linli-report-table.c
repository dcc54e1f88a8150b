/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "linli-report-layout-private.h"
#include "linli-report-plain-text.h"

/* Tables are where the pages are: a 10,000-case list is 70,000 cells. A
 * cell of plain text is measured and drawn glyph by glyph from advances
 * looked up once per character (linli-report-plain-text.h); only the rest
 * goes through a PangoLayout, one per column, given each such cell's text
 * in turn. Rows are measured once, when the layout is made. */

#define PAD_X 3.0
#define PAD_Y 2.5
#define RULE_INNER 0.5
#define RULE_OUTER 1.0

typedef struct
{
  PangoLayout    *layout;     /* cells that are not plain text */
  PangoLayout    *bold;       /* total rows and figure labels */
  PangoLayout    *header;     /* bold and centred */
  PangoAlignment  alignment;
  double          x;
  double          width;      /* of the text, inside the padding */
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
  LinliTextLines   *caption_continued;
  LinliPlainText   *plain;
};

static PangoLayout *
column_layout (LinliTableLayout           *self,
               guint                       column,
               const PangoFontDescription *desc,
               PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (self->style->context);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* A case number broken across lines gets no hyphen, as in plain cells. */
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (self->columns[column].width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

typedef enum {
  CELL_PLAIN,
  CELL_BOLD,
  CELL_HEADER,
} CellStyle;

/* The layout of a cell that is not drawn as plain text, its text set. */
static PangoLayout *
cell_layout (LinliTableLayout *self,
             guint             column,
             const char       *text,
             CellStyle         style)
{
  Column *col = &self->columns[column];
  PangoLayout *layout = style == CELL_HEADER ? col->header
                        : style == CELL_BOLD ? col->bold
                        : col->layout;

  /* The header's titles come back on every page: laid out once. */
  if (g_strcmp0 (pango_layout_get_text (layout), text) != 0)
    pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
text_height (LinliTableLayout *self,
             guint             column,
             const char       *text,
             CellStyle         style)
{
  int height;
  guint lines;

  if (*text == '\0')
    return self->line_height;
  if (style == CELL_PLAIN
      && (lines = linli_plain_text_count_lines (self->plain, text, self->columns[column].width)) > 0)
    return lines * self->line_height;

  pango_layout_get_size (cell_layout (self, column, text, style), NULL, &height);
  return (double) height / PANGO_SCALE;
}

static CellStyle
cell_style (LinliTableLayout *self,
            guint             column,
            CellStyle         row_style)
{
  if (self->figures && column % 2 == 0)
    return CELL_BOLD;
  return row_style;
}

static double
measure_row (LinliTableLayout   *self,
             const char * const *cells,
             CellStyle           row_style)
{
  double height = self->line_height;

  for (guint c = 0; c < self->n_columns; c++)
    height = MAX (height, text_height (self, c, cells[c] ? cells[c] : "",
                                       cell_style (self, c, row_style)));
  return height + 2 * PAD_Y;
}

/* A column of short values (numbers, dates, names) is widened just
 * enough that none of them wraps, with room taken first from columns with
 * more than they need and then from the columns of long text, which wrap
 * anyway; no column gives up more than half of its share. */
#define SHORT_COLUMN 0.3
#define MIN_SHARE 0.5

static void
fit_short_columns (LinliTableLayout *self,
                   double           *widths)
{
  LinliReportTable *table = self->table;
  double limit = self->width * SHORT_COLUMN;
  g_autofree double *need = g_new0 (double, self->n_columns);
  double deficit = 0, slack = 0, long_room = 0, given, from_slack, from_long;

  for (guint c = 0; c < self->n_columns; c++)
    {
      /* A bold title is a little wider than the same text in the body. */
      if (!self->figures)
        need[c] = 1.06 * linli_plain_text_measure (self->plain, table->columns[c].title);
      for (guint r = 0; r < table->rows->len && need[c] <= limit; r++)
        {
          const char *text = ((char **) g_ptr_array_index (table->rows, r))[c];

          /* Text of other fonts is wrapped by Pango wherever it falls. */
          if (text != NULL)
            need[c] = MAX (need[c], linli_plain_text_measure (self->plain, text));
        }
      need[c] += 2 * PAD_X + 0.5;
    }

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (need[c] > limit)
        long_room += widths[c] * (1 - MIN_SHARE);
      else if (need[c] > widths[c])
        deficit += need[c] - widths[c];
      else
        slack += widths[c] - need[c];
    }
  if (deficit <= 0)
    return;

  given = MIN (deficit, slack + long_room);
  from_slack = MIN (given, slack);
  from_long = given - from_slack;
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (need[c] > limit)
        widths[c] -= long_room > 0 ? from_long * widths[c] * (1 - MIN_SHARE) / long_room : 0;
      else if (need[c] > widths[c])
        widths[c] += (need[c] - widths[c]) * given / deficit;
      else
        widths[c] -= slack > 0 ? from_slack * (widths[c] - need[c]) / slack : 0;
    }
}

LinliTableLayout *
linli_table_layout_new (LinliReportStyle *style,
                        LinliReportTable *table,
                        gboolean          figures,
                        double            width)
{
  LinliTableLayout *self = g_new0 (LinliTableLayout, 1);
  g_autofree double *widths = NULL;
  double total_weight = 0, x = 0;

  self->style = style;
  self->table = table;
  self->figures = figures;
  self->width = width;
  self->n_columns = table->n_columns;
  self->columns = g_new0 (Column, self->n_columns);
  self->plain = linli_plain_text_new (style->context, style->table);
  self->line_height = linli_plain_text_get_line_height (self->plain);

  widths = g_new (double, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    total_weight += table->columns[c].width;
  for (guint c = 0; c < self->n_columns; c++)
    widths[c] = width * table->columns[c].width / total_weight;
  fit_short_columns (self, widths);

  for (guint c = 0; c < self->n_columns; c++)
    {
      Column *col = &self->columns[c];
      double w = widths[c];
      LinliReportAlign align = table->columns[c].align;

      col->x = x;
      col->width = MAX (1, w - 2 * PAD_X);
      col->alignment = align == LINLI_REPORT_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                       : align == LINLI_REPORT_ALIGN_END ? PANGO_ALIGN_RIGHT
                       : PANGO_ALIGN_LEFT;
      col->layout = column_layout (self, c, style->table, col->alignment);
      col->bold = column_layout (self, c, style->table_bold, col->alignment);
      col->header = column_layout (self, c, style->table_bold, PANGO_ALIGN_CENTER);
      x += w;
    }

  if (!figures)
    {
      g_autofree const char **titles = g_new0 (const char *, self->n_columns);

      for (guint c = 0; c < self->n_columns; c++)
        titles[c] = table->columns[c].title;
      self->header_height = measure_row (self, titles, CELL_HEADER);
    }

  self->row_heights = g_new (float, table->rows->len);
  for (guint r = 0; r < table->rows->len; r++)
    self->row_heights[r] = measure_row (self, g_ptr_array_index (table->rows, r),
                                        g_array_index (table->totals, gboolean, r)
                                        ? CELL_BOLD : CELL_PLAIN);

  if (table->caption && *table->caption)
    {
      /* TRANSLATORS: a table's caption over its part on the next pages */
      g_autofree char *continued = g_strdup_printf (_("%s (continued)"), table->caption);

      self->caption_continued = linli_text_lines_new (style, style->caption, continued, width,
                                                      12 * 1.8, 0, PANGO_ALIGN_CENTER);
    }
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
      g_object_unref (self->columns[c].header);
    }
  g_free (self->columns);
  g_free (self->row_heights);
  linli_text_lines_free (self->caption);
  linli_text_lines_free (self->caption_continued);
  linli_plain_text_free (self->plain);
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
  if (self->caption == NULL)
    return 0;
  return MAX (self->caption->n_lines, self->caption_continued->n_lines) * self->caption->pitch;
}

static void
draw_row (LinliTableLayout   *self,
          cairo_t            *cr,
          double              x,
          double              y,
          double              height,
          const char * const *cells,
          CellStyle           row_style)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      Column *col = &self->columns[c];
      const char *text = cells[c] ? cells[c] : "";
      CellStyle style = cell_style (self, c, row_style);
      double text_x = x + col->x + PAD_X;
      PangoLayout *layout;
      int text_h;

      if (self->figures && c % 2 == 0)
        {
          cairo_save (cr);
          cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
          cairo_rectangle (cr, x + col->x, y, col->width + 2 * PAD_X, height);
          cairo_fill (cr);
          cairo_restore (cr);
        }

      if (*text == '\0')
        continue;

      if (style == CELL_PLAIN
          && linli_plain_text_draw (self->plain, text, text_x, y, col->width, height,
                                    col->alignment))
        continue;

      layout = cell_layout (self, c, text, style);
      pango_layout_get_size (layout, NULL, &text_h);
      cairo_move_to (cr, text_x, y + (height - (double) text_h / PANGO_SCALE) / 2);
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
      LinliTextLines *caption = first > 0 ? self->caption_continued : self->caption;

      linli_text_lines_draw (caption, cr, x, y, 0, caption->n_lines);
      y += linli_table_layout_get_caption_height (self);
    }

  top = y;
  rules = g_new (double, last - first + 2);

  if (!self->figures)
    {
      g_autofree const char **titles = g_new0 (const char *, self->n_columns);

      for (guint c = 0; c < self->n_columns; c++)
        titles[c] = table->columns[c].title;
      draw_row (self, cr, x, y, self->header_height, titles, CELL_HEADER);
      y += self->header_height;
      rules[n_rules++] = y;
    }

  for (guint r = first; r < last; r++)
    {
      gboolean total = g_array_index (table->totals, gboolean, r);

      if (total && n_rules > 0)
        rules[n_rules - 1] = -rules[n_rules - 1];   /* a heavier rule above a total */
      draw_row (self, cr, x, y, self->row_heights[r],
                g_ptr_array_index (table->rows, r), total ? CELL_BOLD : CELL_PLAIN);
      y += self->row_heights[r];
      if (r + 1 < last)
        rules[n_rules++] = y;
    }
  bottom = y;
  linli_plain_text_flush (self->plain, cr);

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

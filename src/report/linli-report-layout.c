/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "linli-report-layout.h"
#include "linli-report-layout-private.h"

#define MARGIN_TOP    (37 * LINLI_MM)
#define MARGIN_LEFT   (28 * LINLI_MM)
#define MARGIN_RIGHT  (26 * LINLI_MM)
#define MARGIN_BOTTOM (35 * LINLI_MM)
/* The page number's top stands 7 mm under the text block. */
#define PAGE_NUMBER_GAP (7 * LINLI_MM)
#define TITLE_PITCH (22 * 1.6)
#define FIGURES_PER_ROW 3

typedef enum {
  ITEM_TITLE,
  ITEM_LINES,
  ITEM_TABLE,
  ITEM_CHART,
  ITEM_MAP,
  ITEM_SIGNATURES,
} ItemKind;

/* Something placed on a page: a block, or the part of it that fits. */
typedef struct
{
  ItemKind  kind;
  guint     block;
  guint     first, last;     /* lines or table rows */
  gboolean  with_caption;
  double    y, height;       /* from the text block's top */
} Item;

typedef struct
{
  LinliTextLines   *lines;
  LinliTableLayout *table;
  LinliReportTable *figures;  /* the key figures as a table, owned */
} BlockLayout;

struct _LinliReportLayout
{
  GObject           parent_instance;
  LinliReportDoc   *doc;
  LinliReportStyle *style;
  double            paper_width, paper_height;
  double            text_width, text_height;
  LinliTextLines   *title;
  LinliTextLines   *subtitle;
  BlockLayout      *blocks;
  guint             n_blocks;
  GArray           *items;        /* Item, in page order */
  GArray           *page_starts;  /* guint: each page's first item */
  double            y;            /* while paginating */
};

G_DEFINE_FINAL_TYPE (LinliReportLayout, linli_report_layout, G_TYPE_OBJECT)

static void
linli_report_layout_finalize (GObject *object)
{
  LinliReportLayout *self = LINLI_REPORT_LAYOUT (object);

  for (guint i = 0; i < self->n_blocks; i++)
    {
      linli_text_lines_free (self->blocks[i].lines);
      linli_table_layout_free (self->blocks[i].table);
      if (self->blocks[i].figures)
        linli_report_table_free (self->blocks[i].figures);
    }
  g_free (self->blocks);
  linli_text_lines_free (self->title);
  linli_text_lines_free (self->subtitle);
  g_array_unref (self->items);
  g_array_unref (self->page_starts);
  if (self->style)
    linli_report_style_free (self->style);
  g_clear_object (&self->doc);

  G_OBJECT_CLASS (linli_report_layout_parent_class)->finalize (object);
}

static void
linli_report_layout_class_init (LinliReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = linli_report_layout_finalize;
}

static void
linli_report_layout_init (LinliReportLayout *self)
{
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
new_page (LinliReportLayout *self)
{
  guint start = self->items->len;

  g_array_append_val (self->page_starts, start);
  self->y = 0;
}

static void
place (LinliReportLayout *self,
       ItemKind           kind,
       guint              block,
       guint              first,
       guint              last,
       gboolean           with_caption,
       double             height)
{
  Item item = { kind, block, first, last, with_caption, self->y, height };

  g_array_append_val (self->items, item);
  self->y += height;
}

/* Makes room for height on this page, starting a new one if need be and
 * this one already holds something. */
static void
need (LinliReportLayout *self,
      double             height)
{
  if (self->y > 0 && self->y + height > self->text_height)
    new_page (self);
}

static void
place_lines (LinliReportLayout *self,
             guint              block,
             LinliTextLines    *lines,
             double             keep_with_next)
{
  guint first = 0;

  need (self, MIN (lines->n_lines * lines->pitch + keep_with_next, self->text_height));
  while (first < lines->n_lines)
    {
      guint fit = (guint) ((self->text_height - self->y) / lines->pitch + 1e-6);
      guint last;

      if (fit == 0)
        {
          new_page (self);
          continue;
        }
      last = MIN (lines->n_lines, first + fit);
      place (self, ITEM_LINES, block, first, last, FALSE, (last - first) * lines->pitch);
      first = last;
    }
}

static void
place_table (LinliReportLayout *self,
             guint              block,
             LinliTableLayout  *table)
{
  guint n_rows = linli_table_layout_get_n_rows (table);
  double caption = linli_table_layout_get_caption_height (table);
  double header = linli_table_layout_get_header_height (table);
  guint row = 0;

  need (self, caption + header + (n_rows ? linli_table_layout_get_row_height (table, 0) : 0));

  do
    {
      double avail = self->text_height - self->y - header - caption;
      double used = 0;
      guint last = row;

      while (last < n_rows && used + linli_table_layout_get_row_height (table, last) <= avail)
        used += linli_table_layout_get_row_height (table, last++);

      if (last == row && row < n_rows)
        {
          if (self->y > 0)
            {
              new_page (self);
              continue;
            }
          /* A row taller than a page: it goes on a page of its own. */
          used = linli_table_layout_get_row_height (table, last++);
        }

      /* Every part has the caption: "表1 …（续）" on the next pages. */
      place (self, ITEM_TABLE, block, row, last, TRUE, caption + header + used);
      row = last;
      if (row < n_rows)
        new_page (self);
    }
  while (row < n_rows);
}

/* A chart's bars are split between pages like a table's rows; a short
 * chart stays whole. */
static void
place_chart (LinliReportLayout *self,
             guint              block,
             LinliReportChart  *chart)
{
  double title = linli_report_chart_get_title_height (chart);
  double bar = linli_report_chart_get_bar_height ();
  guint n_bars = chart->labels->len;
  gboolean with_title = TRUE;
  guint first = 0;

  need (self, title + MIN (n_bars, 6) * bar);
  do
    {
      double avail = self->text_height - self->y - (with_title ? title : 0);
      guint fit = (guint) MAX (avail / bar, 0);
      guint last = MIN (n_bars, first + MAX (fit, 1));

      if (fit == 0 && self->y > 0)
        {
          new_page (self);
          continue;
        }
      place (self, ITEM_CHART, block, first, last, with_title,
             (with_title ? title : 0) + (last - first) * bar);
      with_title = FALSE;
      first = last;
      if (first < n_bars)
        new_page (self);
    }
  while (first < n_bars);
}

static LinliReportTable *
figures_table (const LinliReportFigures *figures)
{
  guint n = figures->labels->len;
  guint per_row = CLAMP (n, 1, FIGURES_PER_ROW);
  LinliReportColumn columns[2 * FIGURES_PER_ROW];
  LinliReportTable *table;

  for (guint c = 0; c < per_row; c++)
    {
      columns[2 * c] = (LinliReportColumn) { "", 1.3, LINLI_REPORT_ALIGN_CENTER };
      columns[2 * c + 1] = (LinliReportColumn) { "", 1, LINLI_REPORT_ALIGN_CENTER };
    }
  table = linli_report_table_new (columns, 2 * per_row);

  for (guint i = 0; i < n; i += per_row)
    {
      const char *cells[2 * FIGURES_PER_ROW] = { NULL };

      for (guint c = 0; c < per_row && i + c < n; c++)
        {
          cells[2 * c] = g_ptr_array_index (figures->labels, i + c);
          cells[2 * c + 1] = g_ptr_array_index (figures->values, i + c);
        }
      linli_report_table_add_row (table, cells);
    }
  return table;
}

static void
paginate (LinliReportLayout *self)
{
  LinliReportStyle *style = self->style;
  double pitch = style->body_pitch;
  double width = self->text_width;

  new_page (self);

  self->title = linli_text_lines_new (style, style->title,
                                      linli_report_doc_get_title (self->doc),
                                      width, TITLE_PITCH, 0, PANGO_ALIGN_CENTER);
  if (linli_report_doc_get_subtitle (self->doc))
    self->subtitle = linli_text_lines_new (style, style->subtitle,
                                           linli_report_doc_get_subtitle (self->doc),
                                           width, pitch, 0, PANGO_ALIGN_CENTER);
  place (self, ITEM_TITLE, 0, 0, 0, FALSE,
         self->title->n_lines * TITLE_PITCH
         + (self->subtitle ? self->subtitle->n_lines * pitch : 0) + pitch / 2);

  for (guint b = 0; b < self->n_blocks; b++)
    {
      const LinliReportBlock *block = linli_report_doc_get_block (self->doc, b);
      BlockLayout *layout = &self->blocks[b];

      switch (block->kind)
        {
        case LINLI_REPORT_BLOCK_HEADING:
          layout->lines = linli_text_lines_new (style,
                                                block->level == 1 ? style->heading1 : style->heading2,
                                                block->text, width, pitch, 2 * 16,
                                                PANGO_ALIGN_LEFT);
          place_lines (self, b, layout->lines, 2 * pitch);
          break;

        case LINLI_REPORT_BLOCK_PARAGRAPH:
          layout->lines = linli_text_lines_new (style, style->body, block->text,
                                                width, pitch, 2 * 16, PANGO_ALIGN_LEFT);
          place_lines (self, b, layout->lines, 0);
          break;

        case LINLI_REPORT_BLOCK_FIGURES:
          layout->figures = figures_table (block->figures);
          layout->table = linli_table_layout_new (style, layout->figures, TRUE, width);
          self->y += self->y > 0 ? pitch / 4 : 0;
          place_table (self, b, layout->table);
          self->y += pitch / 2;
          break;

        case LINLI_REPORT_BLOCK_TABLE:
          layout->table = linli_table_layout_new (style, block->table, FALSE, width);
          self->y += self->y > 0 ? pitch / 4 : 0;
          place_table (self, b, layout->table);
          self->y += pitch / 2;
          break;

        case LINLI_REPORT_BLOCK_BAR_CHART:
          place_chart (self, b, block->chart);
          self->y += pitch / 2;
          break;

        case LINLI_REPORT_BLOCK_MAP:
          {
            double height = linli_report_map_measure (style, block->map, width,
                                                      self->text_height);

            need (self, height);
            place (self, ITEM_MAP, b, 0, 0, FALSE, MIN (height, self->text_height));
            self->y += pitch / 2;
          }
          break;

        case LINLI_REPORT_BLOCK_SIGNATURES:
          need (self, 3 * pitch);
          self->y += pitch;
          place (self, ITEM_SIGNATURES, b, 0, 0, FALSE, 2 * pitch);
          break;

        case LINLI_REPORT_BLOCK_PAGE_BREAK:
          if (self->y > 0)
            new_page (self);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A page break at the very end leaves nothing to print. */
  while (self->page_starts->len > 1
         && g_array_index (self->page_starts, guint, self->page_starts->len - 1) == self->items->len)
    g_array_set_size (self->page_starts, self->page_starts->len - 1);
}

LinliReportLayout *
linli_report_layout_new (LinliReportDoc *doc,
                         double          paper_width,
                         double          paper_height)
{
  LinliReportLayout *self;

  g_return_val_if_fail (LINLI_IS_REPORT_DOC (doc), NULL);
  g_return_val_if_fail (paper_width > 0 && paper_height > 0, NULL);

  self = g_object_new (LINLI_TYPE_REPORT_LAYOUT, NULL);
  self->doc = g_object_ref (doc);
  self->style = linli_report_style_new ();
  self->paper_width = paper_width;
  self->paper_height = paper_height;
  /* Paper smaller than the margins (an index card) still gets an inch. */
  self->text_width = MAX (72, paper_width - MARGIN_LEFT - MARGIN_RIGHT);
  self->text_height = MAX (72, paper_height - MARGIN_TOP - MARGIN_BOTTOM);
  self->n_blocks = linli_report_doc_get_n_blocks (doc);
  self->blocks = g_new0 (BlockLayout, self->n_blocks);

  paginate (self);
  return self;
}

LinliReportDoc *
linli_report_layout_get_doc (LinliReportLayout *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_LAYOUT (self), NULL);
  return self->doc;
}

guint
linli_report_layout_get_n_pages (LinliReportLayout *self)
{
  g_return_val_if_fail (LINLI_IS_REPORT_LAYOUT (self), 0);
  return self->page_starts->len;
}

void
linli_report_layout_get_paper_size (LinliReportLayout *self,
                                    double            *width,
                                    double            *height)
{
  g_return_if_fail (LINLI_IS_REPORT_LAYOUT (self));
  if (width)
    *width = self->paper_width;
  if (height)
    *height = self->paper_height;
}

static void
draw_signatures (LinliReportLayout      *self,
                 cairo_t                *cr,
                 const LinliReportBlock *block,
                 double                  x,
                 double                  y)
{
  guint n = g_strv_length (block->labels);
  double cell = n ? self->text_width / n : 0;
  double baseline = y + self->style->body_pitch;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (self->style->context);
      g_autofree char *text = g_strconcat (block->labels[i], "：", NULL);
      double cx = x + i * cell;
      int w;

      pango_layout_set_font_description (layout, self->style->body);
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_size (layout, &w, NULL);
      cairo_move_to (cr, cx, baseline - (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
      pango_cairo_show_layout (cr, layout);

      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, cx + (double) w / PANGO_SCALE + 2, baseline + 3);
      cairo_line_to (cr, cx + cell - 14, baseline + 3);
      cairo_stroke (cr);
    }
}

static void
draw_page_number (LinliReportLayout *self,
                  cairo_t           *cr,
                  guint              page)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (self->style->context);
  g_autofree char *text = g_strdup_printf ("— %u —", page + 1);
  int w;

  pango_layout_set_font_description (layout, self->style->page_number);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, NULL);
  cairo_move_to (cr, MARGIN_LEFT + (self->text_width - (double) w / PANGO_SCALE) / 2,
                 MARGIN_TOP + self->text_height + PAGE_NUMBER_GAP);
  pango_cairo_show_layout (cr, layout);
}

void
linli_report_layout_draw_page (LinliReportLayout *self,
                               cairo_t           *cr,
                               guint              page)
{
  guint first, last;

  g_return_if_fail (LINLI_IS_REPORT_LAYOUT (self));
  g_return_if_fail (page < self->page_starts->len);

  first = g_array_index (self->page_starts, guint, page);
  last = page + 1 < self->page_starts->len
         ? g_array_index (self->page_starts, guint, page + 1)
         : self->items->len;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      const LinliReportBlock *block = NULL;
      double x = MARGIN_LEFT, y = MARGIN_TOP + item->y;

      if (item->kind != ITEM_TITLE)
        block = linli_report_doc_get_block (self->doc, item->block);

      switch (item->kind)
        {
        case ITEM_TITLE:
          linli_text_lines_draw (self->title, cr, x, y, 0, self->title->n_lines);
          if (self->subtitle)
            linli_text_lines_draw (self->subtitle, cr, x,
                                   y + self->title->n_lines * TITLE_PITCH,
                                   0, self->subtitle->n_lines);
          break;
        case ITEM_LINES:
          linli_text_lines_draw (self->blocks[item->block].lines, cr, x, y,
                                 item->first, item->last);
          break;
        case ITEM_TABLE:
          linli_table_layout_draw (self->blocks[item->block].table, cr, x, y,
                                   item->with_caption, item->first, item->last);
          break;
        case ITEM_CHART:
          linli_report_chart_draw (self->style, block->chart, cr, x, y, self->text_width,
                                   item->with_caption, item->first, item->last);
          break;
        case ITEM_MAP:
          linli_report_map_draw (self->style, block->map, cr, x, y,
                                 self->text_width, item->height);
          break;
        case ITEM_SIGNATURES:
          draw_signatures (self, cr, block, x, y);
          break;
        default:
          g_assert_not_reached ();
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  draw_page_number (self, cr, page);
  cairo_restore (cr);
}

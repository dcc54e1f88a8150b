/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "linli-report-doc-private.h"

G_BEGIN_DECLS

/* The pieces the page layout is made of: its fonts, text set in lines on
 * a fixed pitch, and tables measured once and drawn a slice at a time.
 * All sizes are in points. */

#define LINLI_MM (72.0 / 25.4)

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *title;
  PangoFontDescription *subtitle;
  PangoFontDescription *body;
  PangoFontDescription *heading1;
  PangoFontDescription *heading2;
  PangoFontDescription *table;
  PangoFontDescription *table_bold;
  PangoFontDescription *caption;
  PangoFontDescription *page_number;
  double                body_pitch;   /* GB/T 9704: 22 lines in 225 mm */
} LinliReportStyle;

LinliReportStyle *linli_report_style_new  (void);
void              linli_report_style_free (LinliReportStyle *style);

/* Text broken into lines, each drawn at a fixed pitch. */
typedef struct
{
  PangoLayout *layout;
  guint        n_lines;
  double       pitch;
  double      *line_x;   /* each line's left edge in the layout */
} LinliTextLines;

LinliTextLines *linli_text_lines_new  (LinliReportStyle           *style,
                                       const PangoFontDescription *font,
                                       const char                 *text,
                                       double                      width,
                                       double                      pitch,
                                       double                      indent,
                                       PangoAlignment              alignment);
void            linli_text_lines_draw (LinliTextLines             *lines,
                                       cairo_t                    *cr,
                                       double                      x,
                                       double                      y,
                                       guint                       first,
                                       guint                       last);
void            linli_text_lines_free (LinliTextLines             *lines);

/* A table's column positions and row heights, measured once. A table of
 * key figures has no header; its label columns (even ones) are shaded. */
typedef struct _LinliTableLayout LinliTableLayout;

LinliTableLayout *linli_table_layout_new          (LinliReportStyle *style,
                                                   LinliReportTable *table,
                                                   gboolean          figures,
                                                   double            width);
void              linli_table_layout_free         (LinliTableLayout *self);
guint             linli_table_layout_get_n_rows   (LinliTableLayout *self);
double            linli_table_layout_get_row_height (LinliTableLayout *self,
                                                     guint             row);
double            linli_table_layout_get_header_height (LinliTableLayout *self);
double            linli_table_layout_get_caption_height (LinliTableLayout *self);
/* Draws the caption (if asked; "continued" when first is not 0), the
 * header and rows first to last - 1 with its top left corner at x, y. */
void              linli_table_layout_draw         (LinliTableLayout *self,
                                                   cairo_t          *cr,
                                                   double            x,
                                                   double            y,
                                                   gboolean          with_caption,
                                                   guint             first,
                                                   guint             last);

/* Bar charts: a title line, then a bar a line, split between pages like
 * a table's rows; every part is drawn to the same scale. */
double linli_report_chart_get_title_height (LinliReportChart *chart);
double linli_report_chart_get_bar_height   (void);
void   linli_report_chart_draw    (LinliReportStyle *style,
                                   LinliReportChart *chart,
                                   cairo_t          *cr,
                                   double            x,
                                   double            y,
                                   double            width,
                                   gboolean          with_title,
                                   guint             first,
                                   guint             last);

/* Maps: a height for a given width, and drawing. */
double linli_report_map_measure   (LinliReportStyle *style,
                                   LinliReportMap   *map,
                                   double            width,
                                   double            max_height);
void   linli_report_map_draw      (LinliReportStyle *style,
                                   LinliReportMap   *map,
                                   cairo_t          *cr,
                                   double            x,
                                   double            y,
                                   double            width,
                                   double            height);

G_END_DECLS

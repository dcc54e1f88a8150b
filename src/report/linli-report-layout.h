/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "linli-report-doc.h"

G_BEGIN_DECLS

/* A report document set on pages, after GB/T 9704-2012: the text block
 * 37 mm from the top and 28 mm from the left edge, 156 × 225 mm on A4; the
 * title in 22 pt, the body in 16 pt, tables in 10.5 pt; the page number
 * centred under the text block as "— 3 —". Tables repeat their header on
 * every page and never split a row.
 *
 * The pages are computed once, when the layout is made; any page is then
 * drawn on any cairo context whose units are points from the paper's top
 * left corner: a PDF surface, a print context, a preview widget. */

#define LINLI_REPORT_A4_WIDTH  595.28
#define LINLI_REPORT_A4_HEIGHT 841.89

#define LINLI_TYPE_REPORT_LAYOUT (linli_report_layout_get_type ())
G_DECLARE_FINAL_TYPE (LinliReportLayout, linli_report_layout, LINLI, REPORT_LAYOUT, GObject)

/* paper_width and paper_height in points; A4 is 595.28 × 841.89. */
LinliReportLayout *linli_report_layout_new         (LinliReportDoc    *doc,
                                                    double             paper_width,
                                                    double             paper_height);
LinliReportDoc    *linli_report_layout_get_doc     (LinliReportLayout *self);
guint              linli_report_layout_get_n_pages (LinliReportLayout *self);
void               linli_report_layout_get_paper_size (LinliReportLayout *self,
                                                       double            *width,
                                                       double            *height);
/* page counts from 0; draws on white paper unless the caller painted it. */
void               linli_report_layout_draw_page   (LinliReportLayout *self,
                                                    cairo_t           *cr,
                                                    guint              page);

G_END_DECLS

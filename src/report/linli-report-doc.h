/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "linli-plan-transform.h"

G_BEGIN_DECLS

/* A printed report as a list of blocks, before any page or font exists.
 * Every report kind is built into one of these; the layout
 * (linli-report-layout.h) puts it onto pages, linli-report-pdf.h writes it
 * to a file, the print operation and the preview draw the same pages.
 *
 * Building one:
 *
 *   g_autoptr(LinliReportDoc) doc = linli_report_doc_new (_("Work Summary"));
 *   linli_report_doc_set_subtitle (doc, "东方御园社区 2026年3月");
 *   linli_report_doc_add_heading (doc, 1, "一、民情事件");
 *   linli_report_doc_add_paragraph (doc, "本月共受理……");
 *
 *   LinliReportFigures *figures = linli_report_doc_add_figures (doc);
 *   linli_report_figures_add (figures, "受理", "128");
 *
 *   static const LinliReportColumn columns[] = {
 *     { "网格", 2, LINLI_REPORT_ALIGN_START },
 *     { "受理", 1, LINLI_REPORT_ALIGN_END },
 *   };
 *   LinliReportTable *table =
 *     linli_report_doc_add_table (doc, columns, G_N_ELEMENTS (columns));
 *   linli_report_table_add_row (table, (const char *[]) { "第一网格", "12" });
 *   linli_report_table_add_total_row (table, (const char *[]) { "合计", "12" });
 *   linli_report_table_set_caption (table, "表1 各网格受理情况");
 *
 *   linli_report_doc_add_signatures (doc,
 *                                    (const char *[]) { "填报人", "审核人", "日期", NULL });
 *
 * Blocks are owned by the document: the pointers the add functions return
 * are valid as long as the document is. All strings are copied. */

typedef enum {
  LINLI_REPORT_BLOCK_HEADING,
  LINLI_REPORT_BLOCK_PARAGRAPH,
  LINLI_REPORT_BLOCK_FIGURES,
  LINLI_REPORT_BLOCK_TABLE,
  LINLI_REPORT_BLOCK_BAR_CHART,
  LINLI_REPORT_BLOCK_MAP,
  LINLI_REPORT_BLOCK_SIGNATURES,
  LINLI_REPORT_BLOCK_PAGE_BREAK,
} LinliReportBlockKind;

typedef enum {
  LINLI_REPORT_ALIGN_START,
  LINLI_REPORT_ALIGN_CENTER,
  LINLI_REPORT_ALIGN_END,
} LinliReportAlign;

typedef struct
{
  const char       *title;
  double            width;   /* relative to the other columns' widths */
  LinliReportAlign  align;
} LinliReportColumn;

/* A grid's polygon on the map: drawn solid (management grid) or dashed
 * (sentiment grid). */
typedef enum {
  LINLI_REPORT_AREA_MANAGEMENT,
  LINLI_REPORT_AREA_SENTIMENT,
} LinliReportAreaKind;

typedef struct _LinliReportFigures LinliReportFigures;
typedef struct _LinliReportTable   LinliReportTable;
typedef struct _LinliReportChart   LinliReportChart;
typedef struct _LinliReportMap     LinliReportMap;

#define LINLI_TYPE_REPORT_DOC (linli_report_doc_get_type ())
G_DECLARE_FINAL_TYPE (LinliReportDoc, linli_report_doc, LINLI, REPORT_DOC, GObject)

LinliReportDoc     *linli_report_doc_new            (const char          *title);
const char         *linli_report_doc_get_title      (LinliReportDoc      *self);
void                linli_report_doc_set_subtitle   (LinliReportDoc      *self,
                                                     const char          *subtitle);
const char         *linli_report_doc_get_subtitle   (LinliReportDoc      *self);
/* What a PDF reader shows as the document's Author (the community) and
 * Subject (the period, or what else the report covers); NULL for none. */
void                linli_report_doc_set_author     (LinliReportDoc      *self,
                                                     const char          *author);
const char         *linli_report_doc_get_author     (LinliReportDoc      *self);
void                linli_report_doc_set_subject    (LinliReportDoc      *self,
                                                     const char          *subject);
const char         *linli_report_doc_get_subject    (LinliReportDoc      *self);

/* level is 1 or 2. */
void                linli_report_doc_add_heading    (LinliReportDoc      *self,
                                                     int                  level,
                                                     const char          *text);
void                linli_report_doc_add_paragraph  (LinliReportDoc      *self,
                                                     const char          *text);
LinliReportFigures *linli_report_doc_add_figures    (LinliReportDoc      *self);
LinliReportTable   *linli_report_doc_add_table      (LinliReportDoc      *self,
                                                     const LinliReportColumn *columns,
                                                     guint                n_columns);
LinliReportChart   *linli_report_doc_add_bar_chart  (LinliReportDoc      *self,
                                                     const char          *unit);
LinliReportMap     *linli_report_doc_add_map        (LinliReportDoc      *self);
/* labels is NULL-terminated, e.g. 填报人, 审核人, 日期. */
void                linli_report_doc_add_signatures (LinliReportDoc      *self,
                                                     const char * const  *labels);
void                linli_report_doc_add_page_break (LinliReportDoc      *self);

/* Key figures: label and value pairs set out as a compact table. */
void                linli_report_figures_add        (LinliReportFigures  *figures,
                                                     const char          *label,
                                                     const char          *value);

/* cells holds one string per column; NULL cells print empty. Returns the
 * row's index. A total row is set in bold under a rule. */
guint               linli_report_table_add_row       (LinliReportTable    *table,
                                                      const char * const  *cells);
guint               linli_report_table_add_total_row (LinliReportTable    *table,
                                                      const char * const  *cells);
/* Takes ownership of cells (n_columns strings, g_free'd); for building
 * large tables without copying. */
guint               linli_report_table_take_row      (LinliReportTable    *table,
                                                      char               **cells);
void                linli_report_table_set_caption   (LinliReportTable    *table,
                                                      const char          *caption);

void                linli_report_chart_set_title     (LinliReportChart    *chart,
                                                      const char          *title);
void                linli_report_chart_add_bar       (LinliReportChart    *chart,
                                                      const char          *label,
                                                      double               value);

/* points holds n_points lon/lat pairs of the outer ring; fill is 0xRRGGBBAA. */
void                linli_report_map_add_area        (LinliReportMap      *map,
                                                      LinliReportAreaKind  kind,
                                                      const double        *lon_lat,
                                                      guint                n_points,
                                                      guint32              fill,
                                                      const char          *label);
void                linli_report_map_add_point       (LinliReportMap      *map,
                                                      double               lon,
                                                      double               lat,
                                                      guint32              colour,
                                                      const char          *label);
void                linli_report_map_add_legend      (LinliReportMap      *map,
                                                      LinliReportAreaKind  kind,
                                                      guint32              fill,
                                                      const char          *label);
void                linli_report_map_set_caption     (LinliReportMap      *map,
                                                      const char          *caption);
/* The picture under the grids, read from disk when the map is drawn: an
 * MBTiles file's raster tiles, or a site plan (a PNG) placed by
 * @transform (see linli-plan-transform.h) at @opacity between 0 and 1.
 * A file that cannot be read then is left out. */
void                linli_report_map_set_mbtiles     (LinliReportMap      *map,
                                                      const char          *path);
void                linli_report_map_set_site_plan   (LinliReportMap      *map,
                                                      const char          *path,
                                                      const LinliPlanTransform *transform,
                                                      double               opacity);
/* A line under the legend about the base map, e.g. why there is none. */
void                linli_report_map_set_base_map_note (LinliReportMap    *map,
                                                      const char          *note);

/* Reading a document back: for the layout and for tests. */
guint                linli_report_doc_get_n_blocks   (LinliReportDoc      *self);
LinliReportBlockKind linli_report_doc_get_block_kind (LinliReportDoc      *self,
                                                      guint                index);
/* The n-th block of its kind, or NULL. */
LinliReportTable    *linli_report_doc_get_table      (LinliReportDoc      *self,
                                                      guint                nth);
guint                linli_report_table_get_n_columns (LinliReportTable   *table);
guint                linli_report_table_get_n_rows    (LinliReportTable   *table);
const char          *linli_report_table_get_cell      (LinliReportTable   *table,
                                                       guint               row,
                                                       guint               column);
gboolean             linli_report_table_row_is_total  (LinliReportTable   *table,
                                                       guint               row);

/* All the document's text, a block a line and table cells separated by
 * tabs, in reading order: what a test looks for in a report. */
char                *linli_report_doc_to_text         (LinliReportDoc     *self);

G_END_DECLS

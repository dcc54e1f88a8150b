/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "linli-report-doc.h"

G_BEGIN_DECLS

/* The document's blocks as the layout reads them. */

typedef struct
{
  char             *title;
  double            width;
  LinliReportAlign  align;
} LinliReportDocColumn;

struct _LinliReportFigures
{
  GPtrArray *labels;   /* char * */
  GPtrArray *values;   /* char * */
};

struct _LinliReportTable
{
  guint                 n_columns;
  LinliReportDocColumn *columns;
  GPtrArray            *rows;     /* char ** of n_columns strings */
  GArray               *totals;   /* gboolean per row */
  char                 *caption;
};

struct _LinliReportChart
{
  char      *title;
  char      *unit;
  GPtrArray *labels;   /* char * */
  GArray    *values;   /* double */
};

typedef struct
{
  LinliReportAreaKind  kind;
  double              *lon_lat;
  guint                n_points;
  guint32              fill;
  char                *label;
} LinliReportMapArea;

typedef struct
{
  double   lon, lat;
  guint32  colour;
  char    *label;
} LinliReportMapPoint;

typedef struct
{
  LinliReportAreaKind  kind;
  guint32              fill;
  char                *label;
} LinliReportMapLegend;

typedef enum {
  LINLI_REPORT_BASE_MAP_NONE,
  LINLI_REPORT_BASE_MAP_MBTILES,
  LINLI_REPORT_BASE_MAP_SITE_PLAN,
} LinliReportBaseMapKind;

typedef struct
{
  LinliReportBaseMapKind kind;
  char                  *path;
  LinliPlanTransform     transform;  /* site plan */
  double                 opacity;    /* site plan */
  char                  *note;
} LinliReportBaseMap;

struct _LinliReportMap
{
  GArray             *areas;     /* LinliReportMapArea */
  GArray             *points;    /* LinliReportMapPoint */
  GArray             *legend;    /* LinliReportMapLegend */
  char               *caption;
  LinliReportBaseMap  base_map;
};

typedef struct
{
  LinliReportBlockKind kind;
  int                  level;     /* headings */
  char                *text;      /* headings, paragraphs */
  char               **labels;    /* signatures */
  LinliReportFigures  *figures;
  LinliReportTable    *table;
  LinliReportChart    *chart;
  LinliReportMap      *map;
} LinliReportBlock;

const LinliReportBlock *linli_report_doc_get_block (LinliReportDoc *self,
                                                    guint           index);

/* A table outside any document, e.g. the layout's table of key figures. */
LinliReportTable *linli_report_table_new  (const LinliReportColumn *columns,
                                           guint                    n_columns);
void              linli_report_table_free (LinliReportTable        *table);

G_END_DECLS

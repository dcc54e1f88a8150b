/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the case CSV export and import share, and no one else
 * uses: the indexes of the grids, workers and buildings a file names, and
 * an import between checking its rows (linli-case-csv-import.c) and
 * writing them (linli-case-csv-write.c). */

#include <gio/gio.h>

#include "linli-case-bulk.h"
#include "linli-case-csv.h"
#include "linli-records.h"

G_BEGIN_DECLS

#define LINLI_CASE_CSV_NO_TIME LINLI_CASE_NO_TIME   /* a time a row does not give */

/* The records of one type, found by id, name or (grids) code. */
typedef struct
{
  GPtrArray  *records;
  gint64     *ids;       /* of the records, the keys of by_id */
  GHashTable *by_id;     /* gint64 → record */
  GHashTable *by_name;   /* name → GPtrArray of the records of that name */
  GHashTable *by_code;   /* grids only: code → record */
  GHashTable *labels;    /* export: gint64 → what the file calls a record whose name is not its own */
} Index;


void         linli_case_csv_index_init  (Index      *index,
                                         LinliStore *store,
                                         GType       type);
void         linli_case_csv_index_clear (Index      *index);
LinliRecord *linli_case_csv_index_get   (Index      *index,
                                         gint64      id);

/* What an enumeration's values are called in files, and reading them. */
typedef struct
{
  GType        (*get_type) (void);
  const char  *(*label) (int value);
  const char   *aliases[9];   /* per value: other words for it, '|' between them */
} EnumSpec;

typedef struct
{
  const EnumSpec *spec;
  GHashTable     *values;   /* lower-cased word → value + 1 */
  char           *choices;  /* the labels, for a message */
} EnumParser;

/* One row of a file to import, as checking it found it. */
typedef struct
{
  guint         row;            /* of the table */
  guint         line;
  char         *number;         /* as given, or as assigned before writing */
  gboolean      renumber;       /* given, but the store has it already */
  gint64        reported_at;    /* Unix times, or LINLI_CASE_CSV_NO_TIME */
  gint64        due_at;
  gint64        resolved_at;
  gint64        revisited_at;
  int           urgency;
  int           status;
  int           level;
  int           satisfaction;
  LinliRecord  *grid;           /* borrowed from the indexes */
  LinliRecord  *worker;
  LinliRecord  *building;
  gint64        reporter_id;    /* a resident the store has, or 0 */
  int           new_reporter;   /* or one to add: index into new_residents; or -1 */
  int           duplicate_row;  /* the row of the file it repeats, or -1 */
  gint64        duplicate_id;   /* or the stored case it repeats, or 0 */
  gint64        id;             /* once written */
} Row;

/* An import: what checking its rows found, for writing them. */
typedef struct
{
  LinliStore     *store;
  LinliCsvTable  *table;
  int             column[LINLI_N_CASE_FIELDS];   /* -1 when no column holds the field */
  gint64          now;
  GTimeZone      *local;           /* the zone times without one are in */
  Index           grids;
  Index           workers;
  Index           buildings;
  EnumParser      status;
  EnumParser      urgency;
  EnumParser      level;
  EnumParser      satisfaction;
  GHashTable     *residents;       /* "name\x1fphone" → gint64 id of a resident the store has */
  GPtrArray      *new_residents;   /* "name\x1fphone" of each one to add */
  GHashTable     *new_index;       /* "name\x1fphone" → index in new_residents + 1 */
  GArray         *rows;            /* Row */
  GHashTable     *numbers;         /* each number the file gives → its row + 1 */
  GPtrArray      *errors;          /* LinliCsvRowError */
  GStringChunk   *trimmed;         /* cells that had spaces around them, without */
  guint           n_bad_rows;
  LinliCountFunc  count;           /* told of the rows written, in the writing thread */
  gpointer        count_data;
  GCancellable   *cancellable;     /* stops the writing, which then writes nothing */
} Import;

const char  *linli_case_csv_cell        (Import                *im,
                                         guint                  row,
                                         LinliCaseField         field);
gboolean     linli_case_csv_run         (LinliStore            *store,
                                         LinliCsvTable         *table,
                                         const LinliCaseField  *mapping,
                                         gboolean               write,
                                         LinliCountFunc         count,
                                         gpointer               count_data,
                                         GCancellable          *cancellable,
                                         GPtrArray            **row_errors,
                                         guint                 *n_imported,
                                         GError               **error);
gboolean     linli_case_csv_write       (Import                *im,
                                         guint                 *n_imported,
                                         GError               **error);

gboolean linli_case_csv_export_to_writer (LinliStore      *store,
                                          GListModel      *cases,
                                          gboolean         mask_personal,
                                          LinliCsvWriter  *writer,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_END_DECLS

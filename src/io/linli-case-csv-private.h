/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the case CSV export and import share, and no one else
 * uses: the indexes of the grids, workers and buildings a file names, and
 * an import between checking its rows (linli-case-csv-import.c) and
 * writing them (linli-case-csv-write.c). */

#include <gio/gio.h>

#include "linli-case-bulk.h"
#include "linli-case-csv.h"
#include "linli-csv-private.h"
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
  guint         row;            /* of the batch being read */
  guint         file_row;       /* of the file, from 0 */
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
} Row;

/* A case number of the file, as a number: see linli_case_csv_number_code(). */
typedef struct
{
  gint64 code;
  guint  file_row;
  guint  line;
} FileNumber;

/* A row that says which case it duplicates. */
typedef struct
{
  guint     file_row;
  guint     line;
  char     *original;      /* the number it gives */
  int       target_row;    /* the row of the file it repeats, or -1 */
  gint64    target_id;     /* or the stored case, or 0 */
} Duplicate;

/* An import: what checking its rows found, for writing them. The file is
 * read twice, a batch of rows at a time (linli_csv_table_foreach()): once
 * for what rows say of each other (the case numbers, the duplicates), then
 * to check every row, keeping the first errors, and to write them. */
typedef struct
{
  LinliStore     *store;
  LinliCaseBulk  *bulk;            /* while the cases are written */
  LinliCsvTable  *table;           /* the file, or a preview of it */
  LinliCsvTable  *batch;           /* the rows being read */
  gboolean        write;           /* not only checked */
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
  GHashTable     *new_residents;   /* "name\x1fphone" → gint64 id of one written, or NULL */
  GPtrArray      *new_order;       /* their keys, in the order the file names them */
  GArray         *rows;            /* Row, of the batch */
  GArray         *numbers;         /* FileNumber, sorted by code and row once read */
  GArray         *duplicates;      /* Duplicate, in the order of the file */
  GHashTable     *duplicate_of;    /* file row → its Duplicate */
  GHashTable     *written;         /* file row of a case another repeats → gint64 id, once written */
  GHashTable     *referenced;      /* the codes of the numbers duplicates give */
  GHashTable     *ahead;           /* file rows written before their turn, before a duplicate of them */
  LinliCsvTable  *stash;           /* the rows of @ahead, kept from the first reading */
  GHashTable     *stashed;         /* file row → its row in @stash + 1 */
  gboolean        stop;            /* a row written ahead is wrong: write no more */
  GHashTable     *years;           /* the years numbers may be assigned in */
  GHashTable     *spans;           /* year → gint64[2], its first second and the next year's */
  GHashTable     *next_numbers;    /* year → the next free sequence */
  guint8         *bad_rows;        /* a bit per row of the file: it is wrong */
  GPtrArray      *errors;          /* LinliCsvRowError: the first of the rows' */
  GPtrArray      *number_errors;   /* LinliCsvRowError: numbers given twice */
  GPtrArray      *late_errors;     /* LinliCsvRowError: of the duplicates */
  GPtrArray      *row_errors;      /* LinliCsvRowError: all of them, in the order of the file */
  guint           n_errors;        /* every error, kept or not */
  GStringChunk   *trimmed;         /* cells that had spaces around them, without */
  guint           n_bad_rows;
  guint           n_written;
  gboolean        store_has_cases; /* before the import */
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
gboolean     linli_case_csv_check_batch (Import                *im,
                                         LinliCsvTable         *batch,
                                         guint                  first_row,
                                         GError               **error);
gboolean     linli_case_csv_file_has_number (Import            *im,
                                         const char            *number);
int          linli_case_csv_year_of     (Import                *im,
                                         gint64                 time);
GHashTable  *linli_case_csv_find_stored (Import                *im,
                                         GPtrArray             *numbers);
gboolean     linli_case_csv_check_row_of (Import               *im,
                                         LinliCsvTable         *table,
                                         Row                   *row);
gboolean     linli_case_csv_end_check   (Import                *im,
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

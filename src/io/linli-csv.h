/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LINLI_CSV_ERROR (linli_csv_error_quark ())

typedef enum {
  LINLI_CSV_ERROR_ENCODING,   /* not text, or not in an encoding we read */
  LINLI_CSV_ERROR_TOO_LARGE,
  LINLI_CSV_ERROR_EMPTY,      /* no header line */
  LINLI_CSV_ERROR_QUOTE,      /* a quoted field that is never closed */
  LINLI_CSV_ERROR_FIELDS,     /* rows with more fields than the header */
  LINLI_CSV_ERROR_CHANGED,    /* the file is not what it was when it was read */
} LinliCsvError;

/* What a file was written in: Excel and WPS save "CSV UTF-8" with a BOM,
 * plain "CSV" in GB18030 (GBK) on Chinese Windows, "Unicode text" as
 * tab-separated UTF-16. */
typedef enum {
  LINLI_CSV_ENCODING_UTF8,
  LINLI_CSV_ENCODING_UTF8_BOM,
  LINLI_CSV_ENCODING_GB18030,
  LINLI_CSV_ENCODING_UTF16,
} LinliCsvEncoding;

/* A problem of one row of a file, for a list of them. */
typedef struct {
  guint  line;      /* 1-based line of the file where the row starts */
  char  *message;   /* a sentence that names the line */
} LinliCsvRowError;

#define LINLI_TYPE_CSV_TABLE (linli_csv_table_get_type ())

typedef struct _LinliCsvTable LinliCsvTable;
typedef struct _LinliCsvWriter LinliCsvWriter;

/* Handed the rows of a file a batch at a time (linli_csv_table_foreach()):
 * @batch holds them, valid during the call; @first_row is the row of the
 * file its first is, from 0. Returns %FALSE with @error to stop. */
typedef gboolean (*LinliCsvBatchFunc) (LinliCsvTable  *batch,
                                       guint           first_row,
                                       gpointer        user_data,
                                       GError        **error);

GQuark            linli_csv_error_quark          (void);
const char       *linli_csv_encoding_to_string   (LinliCsvEncoding  encoding);
gboolean          linli_csv_is_formula           (const char       *text);

GType             linli_csv_table_get_type       (void) G_GNUC_CONST;
LinliCsvTable    *linli_csv_read                 (GBytes           *bytes,
                                                  GError          **error);
LinliCsvTable    *linli_csv_read_file            (GFile            *file,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
LinliCsvTable    *linli_csv_read_stream          (GInputStream     *in,
                                                  gsize             size_hint,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
LinliCsvTable    *linli_csv_read_preview         (GFile            *file,
                                                  guint             n_rows,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
gboolean          linli_csv_table_foreach        (LinliCsvTable    *self,
                                                  gboolean          verify,
                                                  LinliCsvBatchFunc func,
                                                  gpointer          user_data,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
guint             linli_csv_table_get_n_file_rows (LinliCsvTable   *self);
LinliCsvTable    *linli_csv_table_ref            (LinliCsvTable    *self);
void              linli_csv_table_unref          (LinliCsvTable    *self);
LinliCsvEncoding  linli_csv_table_get_encoding   (LinliCsvTable    *self);
char              linli_csv_table_get_separator  (LinliCsvTable    *self);
guint             linli_csv_table_get_n_rows     (LinliCsvTable    *self);
guint             linli_csv_table_get_n_columns  (LinliCsvTable    *self);
const char       *linli_csv_table_get_header     (LinliCsvTable    *self,
                                                  guint             column);
const char       *linli_csv_table_get_cell       (LinliCsvTable    *self,
                                                  guint             row,
                                                  guint             column);
guint             linli_csv_table_get_line       (LinliCsvTable    *self,
                                                  guint             row);

LinliCsvWriter   *linli_csv_writer_new           (GOutputStream    *out);

/* A cell kept by a writer made with linli_csv_writer_new_for_rows(). */
typedef struct
{
  char     *text;        /* NULL for an empty cell */
  gboolean  is_number;   /* a number, date or time the app wrote itself */
} LinliCsvCell;

LinliCsvWriter   *linli_csv_writer_new_for_rows  (void);
GPtrArray        *linli_csv_writer_get_rows      (LinliCsvWriter   *self);
void              linli_csv_writer_add           (LinliCsvWriter   *self,
                                                  const char       *field);
void              linli_csv_writer_add_number    (LinliCsvWriter   *self,
                                                  const char       *field);
gboolean          linli_csv_writer_end_row       (LinliCsvWriter   *self,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
gboolean          linli_csv_writer_finish        (LinliCsvWriter   *self,
                                                  GCancellable     *cancellable,
                                                  GError          **error);
void              linli_csv_writer_free          (LinliCsvWriter   *self);

LinliCsvRowError *linli_csv_row_error_new        (guint             line,
                                                  char             *message);
void              linli_csv_row_error_free       (LinliCsvRowError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCsvTable, linli_csv_table_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCsvWriter, linli_csv_writer_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinliCsvRowError, linli_csv_row_error_free)

G_END_DECLS

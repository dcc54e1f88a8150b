/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a property of a record is kept in its table. */
typedef enum {
  LINLI_COLUMN_TEXT,      /* gchararray; NULL is SQL NULL */
  LINLI_COLUMN_INT,       /* gint64 */
  LINLI_COLUMN_REF,       /* gint64 row id of another table; 0 is SQL NULL */
  LINLI_COLUMN_DOUBLE,    /* gdouble; NAN is SQL NULL */
  LINLI_COLUMN_BOOL,      /* gboolean; 0 or 1 */
  LINLI_COLUMN_DATETIME,  /* GDateTime; ISO 8601 text with offset */
  LINLI_COLUMN_ENUM,      /* GEnum; its nick, and NULL for a value 0 whose nick is "none" */
  LINLI_COLUMN_TEXT_LIST, /* GStrv; rows of a child table (list_table.list_value) */
  LINLI_COLUMN_REF_LIST,  /* GArray of gint64; rows of a link table (list_table.list_value) */
} LinliColumnType;

typedef struct {
  const char      *name;        /* SQL column; the property is its name with '-' for '_' */
  LinliColumnType  type;
  GType          (*enum_type) (void);
  const char      *list_table;  /* for the list types: the child table ... */
  const char      *list_key;    /* ... its column that points back at the record ... */
  const char      *list_value;  /* ... and its column that holds the value */
  const char      *default_value; /* of a new record, as the database writes it */
} LinliColumn;

#define LINLI_TYPE_RECORD (linli_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (LinliRecord, linli_record, LINLI, RECORD, GObject)

struct _LinliRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char        *table;
  const char        *default_order;
  const LinliColumn *columns;
  guint              n_columns;
  GParamSpec       **pspecs;      /* one per column */
  GHashTable        *column_of;   /* name → index + 1 */
};

void               linli_record_class_set_table (LinliRecordClass  *klass,
                                                 const char        *table,
                                                 const char        *default_order,
                                                 const LinliColumn *columns,
                                                 guint              n_columns);
const char        *linli_record_class_get_table (LinliRecordClass  *klass);
const LinliColumn *linli_record_class_get_columns (LinliRecordClass *klass,
                                                   guint            *n_columns);
int                linli_record_class_find_column (LinliRecordClass *klass,
                                                   const char       *name);

LinliRecord  *linli_record_new           (GType        type);
LinliRecord  *linli_record_copy          (LinliRecord *self);
gboolean      linli_record_equal         (LinliRecord *a,
                                          LinliRecord *b);
gboolean      linli_record_column_equal  (LinliRecord *a,
                                          LinliRecord *b,
                                          guint        column);
void          linli_record_copy_column   (LinliRecord *self,
                                          LinliRecord *source,
                                          guint        column);
gint64        linli_record_get_id        (LinliRecord *self);
void          linli_record_set_id        (LinliRecord *self,
                                          gint64       id);

/* The value of a column: index into the class's columns. Used by the store
 * to move values between GValues and statements without property lookups. */
const GValue *linli_record_peek_value    (LinliRecord *self,
                                          guint        column);
void          linli_record_take_value    (LinliRecord *self,
                                          guint        column,
                                          GValue      *value);
void          linli_record_load_value    (LinliRecord *self,
                                          guint        column,
                                          GValue      *value);

/* Convenience accessors by column name. */
const char   *linli_record_get_text      (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_text      (LinliRecord *self,
                                          const char  *column,
                                          const char  *value);
gint64        linli_record_get_int       (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_int       (LinliRecord *self,
                                          const char  *column,
                                          gint64       value);
double        linli_record_get_double    (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_double    (LinliRecord *self,
                                          const char  *column,
                                          double       value);
gboolean      linli_record_get_bool      (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_bool      (LinliRecord *self,
                                          const char  *column,
                                          gboolean     value);
GDateTime    *linli_record_get_datetime  (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_datetime  (LinliRecord *self,
                                          const char  *column,
                                          GDateTime   *value);
int           linli_record_get_enum      (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_enum      (LinliRecord *self,
                                          const char  *column,
                                          int          value);
const char * const *linli_record_get_strv (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_strv      (LinliRecord        *self,
                                          const char         *column,
                                          const char * const *value);
GArray       *linli_record_get_refs      (LinliRecord *self,
                                          const char  *column);
void          linli_record_set_refs      (LinliRecord  *self,
                                          const char   *column,
                                          const gint64 *ids,
                                          guint         n_ids);

G_END_DECLS

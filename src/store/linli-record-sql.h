/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "linli-record.h"

G_BEGIN_DECLS

/* The statements of one record type; list columns are read by the select
 * (one subquery each) and written by the store row by row. */
typedef struct
{
  char *select;   /* SELECT t.id, columns…, lists… FROM table AS t */
  char *insert;   /* the plain columns as ?1 … ?n */
  char *restore;  /* the same, and the id as ?n+1 */
  char *update;   /* the same, and the id as ?n+1 */
  char *remove;   /* the id as ?1 */
} LinliRecordSql;

const LinliRecordSql *linli_record_sql      (GType              type);
int                   linli_record_sql_bind (sqlite3_stmt      *stmt,
                                             int                index,
                                             const LinliColumn *column,
                                             const GValue      *value);
/* Room for "2026-03-03T09:30:00.123456+08:00" and its NUL. */
#define LINLI_RECORD_SQL_TIME_SIZE 40

char                 *linli_record_sql_format_time (GDateTime *time);
const char           *linli_record_sql_format_unix_time (gint64      time,
                                                         GTimeZone  *zone,
                                                         char        buffer[LINLI_RECORD_SQL_TIME_SIZE]);
gboolean              linli_record_sql_unix_from_local  (GTimeZone  *zone,
                                                         int         year,
                                                         int         month,
                                                         int         day,
                                                         int         hour,
                                                         int         minute,
                                                         int         second,
                                                         gint64     *time);
const char           *linli_record_sql_enum_nick (GType              enum_type,
                                                  int                value);
void                  linli_record_sql_read (sqlite3_stmt      *stmt,
                                             int                index,
                                             const LinliColumn *column,
                                             GValue            *value);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the parts of the event CSV code share, and no one else uses. */

#include "linli-event-csv.h"
#include "linli-records.h"

G_BEGIN_DECLS

extern const LinliCsvField linli_activity_csv_fields[LINLI_N_ACTIVITY_FIELDS];
extern const LinliCsvField linli_volunteer_csv_fields[LINLI_N_VOLUNTEER_FIELDS];

/* The columns the outreach export writes. */
typedef enum {
  LINLI_OUTREACH_COLUMN_TITLE,
  LINLI_OUTREACH_COLUMN_START,
  LINLI_OUTREACH_COLUMN_END,
  LINLI_OUTREACH_COLUMN_VENUE,
  LINLI_OUTREACH_COLUMN_GRID,
  LINLI_OUTREACH_COLUMN_ORGANISERS,
  LINLI_OUTREACH_COLUMN_SPEAKER,
  LINLI_OUTREACH_COLUMN_FORMAT,
  LINLI_OUTREACH_COLUMN_TARGET_GROUPS,
  LINLI_OUTREACH_COLUMN_TOPICS,
  LINLI_OUTREACH_COLUMN_ATTENDEES,
  LINLI_OUTREACH_COLUMN_LEAFLETS,
  LINLI_OUTREACH_COLUMN_INSTALLS,
  LINLI_OUTREACH_COLUMN_OFF_SITE,
  LINLI_OUTREACH_COLUMN_CONSULTATIONS,
  LINLI_OUTREACH_COLUMN_NOTES,
  LINLI_N_OUTREACH_COLUMNS
} LinliOutreachColumn;

extern const char * const linli_outreach_csv_headers[LINLI_N_OUTREACH_COLUMNS];

/* What a file calls the values of an enumeration, and reading them back. */
typedef struct
{
  GType        (*get_type) (void);
  const char  *(*label) (int value);
  const char   *aliases[8];   /* per value: other words for it, '|' between them */
} LinliEventEnumSpec;

extern const LinliEventEnumSpec linli_activity_status_spec;

gboolean   linli_event_enum_parse    (const LinliEventEnumSpec *spec,
                                      const char               *text,
                                      int                      *value);
char      *linli_event_enum_choices  (const LinliEventEnumSpec *spec);

/* Lists of names in one cell: "济宁医学院、许庄派出所". */
#define LINLI_EVENT_CSV_LIST_SEPARATOR "、"
GStrv      linli_event_csv_split_list (const char *text);

char      *linli_event_csv_format_time  (GDateTime *time);
char      *linli_event_csv_format_hours (double     hours);

/* The exports' rows to @writer: to a stream, or kept for a workbook. */
gboolean linli_event_csv_export_activities_to_writer (LinliStore      *store,
                                                      GListModel      *activities,
                                                      LinliCsvWriter  *writer,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
gboolean linli_event_csv_export_outreach_to_writer   (LinliStore      *store,
                                                      GListModel      *outreach,
                                                      LinliCsvWriter  *writer,
                                                      GCancellable    *cancellable,
                                                      GError         **error);
gboolean linli_event_csv_export_volunteers_to_writer (LinliStore      *store,
                                                      GListModel      *volunteers,
                                                      GDateTime       *from,
                                                      GDateTime       *until,
                                                      gboolean         mask_phone,
                                                      LinliCsvWriter  *writer,
                                                      GCancellable    *cancellable,
                                                      GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-case-section-handling"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-case-section-handling.h"
#include "linli-staff.h"

/* Who deals with the case and how far it is: the status, offered only as
 * the workflow allows from the stored status; the case it repeats; the
 * worker and the unit responsible; and the time it is due. A status brings
 * what follows from it (linli_case_follow_status), and choosing a worker
 * assigns a registered case. */

struct _LinliCaseSectionHandling
{
  AdwPreferencesGroup  parent_instance;

  AdwComboRow         *status_row;
  AdwActionRow        *duplicate_row;
  GtkEntry            *duplicate_entry;
  AdwComboRow         *worker_row;
  AdwActionRow        *unit_row;
  GtkEntry            *unit_entry;
  AdwActionRow        *due_row;
  GtkEntry            *due_entry;

  LinliStore          *store;
  LinliRecord         *copy;
  LinliRecord         *original;
  gboolean             loading;
  gboolean             due_unreadable;
  char                *unknown_number;  /* typed as the case repeated, and no case has it */
};

static void linli_case_section_handling_section_init (LinliRecordSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LinliCaseSectionHandling, linli_case_section_handling, ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (LINLI_TYPE_RECORD_SECTION, linli_case_section_handling_section_init))

static LinliCaseStatus
status_of (LinliRecord *record)
{
  return (LinliCaseStatus) linli_record_get_enum (record, "status");
}

static void
show_status (LinliCaseSectionHandling *self)
{
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  linli_form_choice_set_key (self->status_row, status_of (self->copy));
  self->loading = was_loading;
  gtk_widget_set_visible (GTK_WIDGET (self->duplicate_row), status_of (self->copy) == LINLI_CASE_STATUS_DUPLICATE);
}

static void
edited (LinliCaseSectionHandling *self,
        GtkWidget                *widget)
{
  linli_form_field_touch (widget);
  linli_record_section_changed (LINLI_RECORD_SECTION (self));
}

/* The id of the case numbered @number, 0 when there is none. */
static gint64
find_case (LinliCaseSectionHandling *self,
           const char               *number)
{
  g_autoptr(GListModel) cases = NULL;

  /* Only something shaped like 2026-0041 is worth looking for. */
  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{4,}$", number, 0, 0))
    return 0;

  cases = linli_store_list (self->store, LINLI_TYPE_CASE);
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(LinliRecord) record = g_list_model_get_item (cases, i);
      if (g_strcmp0 (linli_record_get_text (record, "number"), number) == 0)
        return linli_record_get_id (record);
    }
  return 0;
}

/* A duplicate names the case it repeats; any other status keeps what the
 * stored case said, so that trying Duplicate and leaving it changes nothing. */
static void
read_duplicate (LinliCaseSectionHandling *self)
{
  g_autofree char *text = NULL;
  gint64 id = 0;

  g_clear_pointer (&self->unknown_number, g_free);
  if (status_of (self->copy) != LINLI_CASE_STATUS_DUPLICATE)
    {
      linli_record_set_int (self->copy, "duplicate_of",
                            self->original ? linli_record_get_int (self->original, "duplicate_of") : 0);
      return;
    }

  text = linli_form_field_dup_text (GTK_EDITABLE (self->duplicate_entry));
  if (text != NULL)
    id = find_case (self, text);
  linli_record_set_int (self->copy, "duplicate_of", id);
  if (id == 0)
    self->unknown_number = g_steal_pointer (&text);
}

static void
status_changed_cb (LinliCaseSectionHandling *self)
{
  LinliCaseStatus previous = status_of (self->copy);
  g_autoptr(GDateTime) now = NULL;
  gint64 status;

  if (self->loading || !linli_form_choice_get_key (self->status_row, &status))
    return;

  now = linli_store_now (self->store);
  linli_record_set_enum (self->copy, "status", (int) status);
  linli_case_follow_status (self->copy, self->original, previous, now);
  read_duplicate (self);
  show_status (self);
  edited (self, GTK_WIDGET (self->status_row));
}

static void
worker_changed_cb (LinliCaseSectionHandling *self)
{
  gint64 worker = 0;

  if (self->loading)
    return;
  linli_form_choice_get_key (self->worker_row, &worker);
  linli_record_set_int (self->copy, "worker_id", worker);
  linli_case_follow_worker (self->copy, self->original);
  show_status (self);
  edited (self, GTK_WIDGET (self->worker_row));
}

static void
unit_changed_cb (LinliCaseSectionHandling *self)
{
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  text = linli_form_field_dup_text (GTK_EDITABLE (self->unit_entry));
  linli_record_set_text (self->copy, "responsible_unit", text);
  edited (self, GTK_WIDGET (self->unit_entry));
}

static void
due_changed_cb (LinliCaseSectionHandling *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (self->loading)
    return;
  self->due_unreadable = !linli_form_field_read_time (GTK_EDITABLE (self->due_entry),
                                                      linli_record_get_datetime (self->copy, "due_at"),
                                                      &time);
  if (!self->due_unreadable)
    linli_record_set_datetime (self->copy, "due_at", time);
  edited (self, GTK_WIDGET (self->due_entry));
}

static void
duplicate_changed_cb (LinliCaseSectionHandling *self)
{
  if (self->loading)
    return;
  read_duplicate (self);
  edited (self, GTK_WIDGET (self->duplicate_entry));
}

static void
handling_load (LinliRecordSection *section,
               LinliStore       *store,
               LinliRecord      *copy,
               LinliRecord      *original)
{
  LinliCaseSectionHandling *self = LINLI_CASE_SECTION_HANDLING (section);
  /* Who left is offered no new work, but a case they had keeps naming them. */
  g_autoptr(GListModel) workers = linli_staff_list_active (store, linli_record_get_int (copy, "worker_id"));
  LinliCaseStatus from = original != NULL ? status_of (original) : LINLI_CASE_STATUS_REGISTERED;
  const LinliCaseStatus *next;
  guint n_next;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gint64 duplicate_of = linli_record_get_int (copy, "duplicate_of");

  self->loading = TRUE;
  g_set_object (&self->store, store);
  g_set_object (&self->copy, copy);
  g_set_object (&self->original, original);

  /* The stored status and where the workflow goes from it. */
  next = linli_case_status_next (from, &n_next);
  for (guint i = 0; i <= n_next; i++)
    {
      gint64 status = i == 0 ? from : next[i - 1];
      g_array_append_val (keys, status);
      g_ptr_array_add (labels, (gpointer) linli_case_status_label ((LinliCaseStatus) status));
    }
  linli_form_choice_set (self->status_row, (const gint64 *) (gpointer) keys->data,
                         (const char * const *) labels->pdata, labels->len);
  show_status (self);

  linli_form_field_set_text (GTK_EDITABLE (self->duplicate_entry), NULL);
  if (duplicate_of != 0)
    {
      g_autoptr(LinliRecord) repeated = linli_store_get (store, LINLI_TYPE_CASE, duplicate_of, NULL);
      if (repeated != NULL)
        linli_form_field_set_text (GTK_EDITABLE (self->duplicate_entry), linli_record_get_text (repeated, "number"));
    }
  g_clear_pointer (&self->unknown_number, g_free);

  linli_form_choice_set_records (self->worker_row, workers, "name", C_("worker", "Nobody"), TRUE);
  linli_form_choice_set_key (self->worker_row, linli_record_get_int (copy, "worker_id"));
  linli_form_field_set_text (GTK_EDITABLE (self->unit_entry), linli_record_get_text (copy, "responsible_unit"));
  linli_form_field_set_time (GTK_EDITABLE (self->due_entry), linli_record_get_datetime (copy, "due_at"));
  self->due_unreadable = FALSE;

  self->loading = FALSE;
}

static void
handling_check_input (LinliRecordSection *section,
                      gpointer            data)
{
  LinliCaseErrors *errors = data;
  LinliCaseSectionHandling *self = LINLI_CASE_SECTION_HANDLING (section);

  if (self->due_unreadable)
    linli_form_set_time_error (&errors->due_at);
  if (self->unknown_number != NULL)
    {
      g_free (errors->duplicate_of);
      /* TRANSLATORS: %s is a case number, such as 2026-0041 */
      errors->duplicate_of = g_strdup_printf (_("No case has the number %s"), self->unknown_number);
    }
}

static void
handling_show_errors (LinliRecordSection *section,
                      gconstpointer       data,
                      gboolean            show_all)
{
  const LinliCaseErrors *errors = data;
  LinliCaseSectionHandling *self = LINLI_CASE_SECTION_HANDLING (section);

  linli_form_field_show (GTK_WIDGET (self->status_row), NULL, errors->status, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->duplicate_row), GTK_WIDGET (self->duplicate_entry),
                         errors->duplicate_of, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->worker_row), NULL, errors->worker, NULL, show_all);
  linli_form_field_show (GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_entry),
                         errors->due_at, NULL, show_all);
}

static void
linli_case_section_handling_section_init (LinliRecordSectionInterface *iface)
{
  iface->load = handling_load;
  iface->check_input = handling_check_input;
  iface->show_errors = handling_show_errors;
}

static void
linli_case_section_handling_dispose (GObject *object)
{
  LinliCaseSectionHandling *self = LINLI_CASE_SECTION_HANDLING (object);

  g_clear_object (&self->store);
  g_clear_object (&self->copy);
  g_clear_object (&self->original);
  gtk_widget_dispose_template (GTK_WIDGET (self), LINLI_TYPE_CASE_SECTION_HANDLING);

  G_OBJECT_CLASS (linli_case_section_handling_parent_class)->dispose (object);
}

static void
linli_case_section_handling_finalize (GObject *object)
{
  LinliCaseSectionHandling *self = LINLI_CASE_SECTION_HANDLING (object);

  g_clear_pointer (&self->unknown_number, g_free);

  G_OBJECT_CLASS (linli_case_section_handling_parent_class)->finalize (object);
}

static void
linli_case_section_handling_class_init (LinliCaseSectionHandlingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = linli_case_section_handling_dispose;
  object_class->finalize = linli_case_section_handling_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/linli-case-section-handling.ui");
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, status_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, duplicate_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, duplicate_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, worker_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, unit_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, due_row);
  gtk_widget_class_bind_template_child (widget_class, LinliCaseSectionHandling, due_entry);
  gtk_widget_class_bind_template_callback (widget_class, status_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, worker_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
}

static void
linli_case_section_handling_init (LinliCaseSectionHandling *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

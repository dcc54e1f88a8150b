/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-time-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "linli-time-popover.h"

#include "linli-case-rules.h"

/* A calendar for a day-and-time entry of a form: the entry's icon opens a
 * popover with a calendar, the hour and minute, and "Now", which takes the
 * store's clock (the one "now" the app's views use). Each choice writes
 * the entry's text at once, so the form reads it as if typed; typing still
 * works. */

#define POPOVER_KEY "linli-time-popover"

typedef struct
{
  GtkEntry       *entry;     /* unowned: this goes with it */
  GtkWidget      *popover;   /* its child, made when first asked for */
  LinliStore     *store;
  GtkCalendar    *calendar;
  GtkSpinButton  *hour;
  GtkSpinButton  *minute;
  gboolean        updating;  /* the popover shows the entry: write nothing */
  gboolean        writing;   /* the popover writes the entry: show nothing */
} TimePopover;

static void
time_popover_free (gpointer data)
{
  TimePopover *self = data;

  g_clear_object (&self->store);
  g_free (self);
}

static GDateTime *
now_to_minute (TimePopover *self)
{
  g_autoptr(GDateTime) now = linli_store_now (self->store);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  return g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local), g_date_time_get_hour (local),
                                g_date_time_get_minute (local), 0);
}

static void
show_entry (TimePopover *self);

static void
write_entry (TimePopover *self,
             GDateTime   *time)
{
  g_autofree char *text = linli_format_local_time (time);

  self->writing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  self->writing = FALSE;
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
}

static void
chosen_cb (TimePopover *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) time = NULL;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->calendar);
  time = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day),
                                gtk_spin_button_get_value_as_int (self->hour),
                                gtk_spin_button_get_value_as_int (self->minute), 0);
  if (time != NULL)
    write_entry (self, time);
}

/* The entry's time, or now when it holds none yet. */
static void
show_entry (TimePopover *self)
{
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) shown = NULL;

  if (self->popover == NULL)
    return;
  parsed = linli_parse_local_time (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  shown = parsed != NULL ? g_date_time_to_local (parsed) : now_to_minute (self);

  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  gtk_spin_button_set_value (self->hour, g_date_time_get_hour (shown));
  gtk_spin_button_set_value (self->minute, g_date_time_get_minute (shown));
  self->updating = FALSE;
}

/* What is typed shows in the popover, open or not. */
static void
entry_changed_cb (TimePopover *self)
{
  if (!self->writing)
    show_entry (self);
}

static void
now_clicked_cb (GtkButton   *button,
                TimePopover *self)
{
  g_autoptr(GDateTime) now = now_to_minute (self);

  write_entry (self, now);
  gtk_popover_popdown (linli_time_popover_get (self->entry));
}

static void
done_clicked_cb (GtkButton   *button,
                 TimePopover *self)
{
  gtk_popover_popdown (linli_time_popover_get (self->entry));
}

static void
icon_pressed_cb (GtkEntry             *entry,
                 GtkEntryIconPosition  position,
                 gpointer              data)
{
  GtkPopover *popover;
  GdkRectangle area;

  if (position != GTK_ENTRY_ICON_SECONDARY)
    return;
  popover = linli_time_popover_get (entry);
  gtk_entry_get_icon_area (entry, position, &area);
  gtk_popover_set_pointing_to (popover, &area);
  gtk_popover_popup (popover);
}

static GtkSpinButton *
spin_new (int         upper,
          const char *label)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);

  gtk_spin_button_set_wrap (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_SPIN_BUTTON (spin);
}

/* Two digits, as times are written: 09:05. */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkWidget *
popover_new (TimePopover *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *now = gtk_button_new_with_mnemonic (_("_Now"));
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));
  GtkWidget *colon = gtk_label_new (":");

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->hour = spin_new (23, _("Hour"));
  self->minute = spin_new (59, _("Minute"));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (chosen_cb), self);
  g_signal_connect_swapped (self->hour, "value-changed", G_CALLBACK (chosen_cb), self);
  g_signal_connect_swapped (self->minute, "value-changed", G_CALLBACK (chosen_cb), self);
  g_signal_connect (self->hour, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (self->minute, "output", G_CALLBACK (spin_output_cb), NULL);
  g_signal_connect (now, "clicked", G_CALLBACK (now_clicked_cb), self);
  g_signal_connect (done, "clicked", G_CALLBACK (done_clicked_cb), self);
  gtk_widget_set_tooltip_text (now, _("The day and time now"));
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_widget_set_valign (now, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (now, TRUE);
  gtk_widget_set_halign (now, GTK_ALIGN_END);

  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (row), colon);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->minute));
  gtk_box_append (GTK_BOX (row), now);
  gtk_box_append (GTK_BOX (row), done);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), row);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);
  return popover;
}

/* The popover goes with the entry. */
static void
entry_destroyed_cb (GtkWidget   *entry,
                    TimePopover *self)
{
  if (self->popover != NULL)
    gtk_widget_unparent (g_steal_pointer (&self->popover));
}

/**
 * linli_time_popover_attach:
 * @entry: a form's entry of a day and a time
 * @store: whose clock "Now" reads
 *
 * Gives @entry a calendar icon that opens the popover. Attaching twice
 * changes only the store.
 */
void
linli_time_popover_attach (GtkEntry   *entry,
                           LinliStore *store)
{
  TimePopover *self;

  g_return_if_fail (GTK_IS_ENTRY (entry));
  g_return_if_fail (LINLI_IS_STORE (store));

  if ((self = g_object_get_data (G_OBJECT (entry), POPOVER_KEY)) != NULL)
    {
      g_set_object (&self->store, store);
      return;
    }

  self = g_new0 (TimePopover, 1);
  self->entry = entry;
  self->store = g_object_ref (store);
  g_object_set_data_full (G_OBJECT (entry), POPOVER_KEY, self, time_popover_free);

  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY, "x-office-calendar-symbolic");
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, _("Choose a Day and Time"));
  gtk_entry_set_icon_activatable (entry, GTK_ENTRY_ICON_SECONDARY, TRUE);
  g_signal_connect (entry, "icon-press", G_CALLBACK (icon_pressed_cb), NULL);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "destroy", G_CALLBACK (entry_destroyed_cb), self);
}

/**
 * linli_time_popover_get:
 *
 * Returns: (transfer none) (nullable): the popover of @entry, made now if
 *   it was not yet; %NULL when @entry has none attached
 */
GtkPopover *
linli_time_popover_get (GtkEntry *entry)
{
  TimePopover *self;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  self = g_object_get_data (G_OBJECT (entry), POPOVER_KEY);
  if (self == NULL)
    return NULL;
  if (self->popover == NULL)
    {
      self->popover = popover_new (self);
      gtk_widget_set_parent (self->popover, GTK_WIDGET (entry));
      show_entry (self);
    }
  return GTK_POPOVER (self->popover);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-location-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "linli-location-dialog.h"
#include "linli-map-view.h"

/* Where a case happened, picked on the community's map: a click puts the
 * pin, Set Location hands its place back. The grids are drawn, so the
 * secretary sees which grid the place falls in. */

struct _LinliLocationDialog
{
  AdwWindow     parent_instance;

  LinliMapView *map_view;
  GtkLabel     *hint;
  double        latitude;
  double        longitude;
};

G_DEFINE_FINAL_TYPE (LinliLocationDialog, linli_location_dialog, ADW_TYPE_WINDOW)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update (LinliLocationDialog *self)
{
  gboolean placed = !isnan (self->latitude) && !isnan (self->longitude);

  linli_map_view_set_pin (self->map_view, self->latitude, self->longitude);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "location.set", placed);
  if (placed)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *text = NULL;

      g_ascii_formatd (lat, sizeof lat, "%.5f", self->latitude);
      g_ascii_formatd (lon, sizeof lon, "%.5f", self->longitude);
      /* TRANSLATORS: a latitude and a longitude, in degrees */
      text = g_strdup_printf (_("%s, %s · Click elsewhere to move it."), lat, lon);
      gtk_label_set_text (self->hint, text);
    }
  else
    gtk_label_set_text (self->hint, _("Click the map where the case is."));
}

static void
location_clicked_cb (LinliLocationDialog *self,
                     double               latitude,
                     double               longitude)
{
  linli_location_dialog_pick (self, latitude, longitude);
}

static void
set_cb (GtkWidget  *widget,
        const char *action_name,
        GVariant   *parameter)
{
  LinliLocationDialog *self = LINLI_LOCATION_DIALOG (widget);

  g_signal_emit (self, signals[CHOSEN], 0, self->latitude, self->longitude);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
linli_location_dialog_class_init (LinliLocationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * LinliLocationDialog::chosen:
   * @latitude: WGS-84 degrees
   * @longitude: WGS-84 degrees
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "location.set", NULL, set_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
linli_location_dialog_init (LinliLocationDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *set = gtk_button_new_with_mnemonic (_("_Set Location"));

  self->latitude = self->longitude = NAN;

  gtk_window_set_title (GTK_WINDOW (self), _("Location of the Case"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 600);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (set), "location.set");
  gtk_widget_add_css_class (set, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), set);
  gtk_box_append (GTK_BOX (box), header);

  self->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_margin_top (GTK_WIDGET (self->hint), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->hint), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint));

  self->map_view = g_object_new (LINLI_TYPE_MAP_VIEW, "vexpand", TRUE, "browsing", FALSE, NULL);
  g_signal_connect_swapped (self->map_view, "location-clicked", G_CALLBACK (location_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->map_view));

  adw_window_set_content (ADW_WINDOW (self), box);
  update (self);
}

/**
 * linli_location_dialog_new:
 * @latitude: where the pin starts, or NAN for nowhere yet
 *
 * Returns: (transfer none): the dialog; it emits ::chosen when the user
 *   sets a location
 */
LinliLocationDialog *
linli_location_dialog_new (GtkWindow  *parent,
                           LinliStore *store,
                           double      latitude,
                           double      longitude)
{
  LinliLocationDialog *self;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  self = g_object_new (LINLI_TYPE_LOCATION_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  linli_map_view_set_store (self->map_view, store);
  if (!isnan (latitude) && !isnan (longitude))
    {
      linli_map_view_center_on (self->map_view, latitude, longitude, 17);
      linli_location_dialog_pick (self, latitude, longitude);
    }
  return self;
}

void
linli_location_dialog_pick (LinliLocationDialog *self,
                            double               latitude,
                            double               longitude)
{
  g_return_if_fail (LINLI_IS_LOCATION_DIALOG (self));

  self->latitude = latitude;
  self->longitude = longitude;
  update (self);
}

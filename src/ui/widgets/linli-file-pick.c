/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-file-pick"

#include "config.h"

#include "linli-file-pick.h"

/* Choosing a file to open or a name to save as: GtkFileDialog where GTK
 * has it (4.10), GtkFileChooserNative before (Debian 12 has 4.8). Both go
 * through the file chooser portal inside Flatpak and show GTK's own file
 * chooser dialog outside it. This file is the one place that knows which
 * API it is; callers describe the pick (title, filters, a suggested name)
 * and get a GFile, or NULL, in one callback. */

#define USE_FILE_DIALOG GTK_CHECK_VERSION (4, 10, 0)

struct _LinliFilePick
{
  GObject     parent_instance;

  char       *title;
  char       *accept_label;
  char       *initial_name;
  GListStore *filters;   /* of GtkFileFilter; the first is the default */
};

G_DEFINE_FINAL_TYPE (LinliFilePick, linli_file_pick, G_TYPE_OBJECT)

typedef struct
{
  LinliFilePickFunc     func;
  gpointer              user_data;
  GDestroyNotify        destroy;
  gboolean              done;
#if !USE_FILE_DIALOG
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
  guint                 idle_id;
#endif
} Request;

/* Calls back, once, and frees @request. */
static void
finish (Request *request,
        GFile   *file)
{
  if (request->done)
    return;
  request->done = TRUE;

#if !USE_FILE_DIALOG
  g_clear_handle_id (&request->idle_id, g_source_remove);
  if (request->cancelled_id != 0)
    g_signal_handler_disconnect (request->cancellable, request->cancelled_id);
  g_clear_object (&request->cancellable);
  if (request->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (request->chooser, request);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (request->chooser));
      g_clear_object (&request->chooser);
    }
#endif

  if (request->func != NULL)
    request->func (file, request->user_data);
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

#if USE_FILE_DIALOG

static void
chosen_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *request = user_data;
  GtkFileDialog *dialog = GTK_FILE_DIALOG (object);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (GPOINTER_TO_INT (g_object_get_data (object, "linli-save")))
    file = gtk_file_dialog_save_finish (dialog, result, &error);
  else
    file = gtk_file_dialog_open_finish (dialog, result, &error);
  /* Dismissed or cancelled is an answer; anything else is worth a line. */
  if (error != NULL &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("The file chooser failed: %s", error->message);
  finish (request, file);
}

static void
start (LinliFilePick *self,
       gboolean       save,
       GtkWindow     *parent,
       GCancellable  *cancellable,
       Request       *request)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, self->title);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (self->accept_label != NULL)
    gtk_file_dialog_set_accept_label (dialog, self->accept_label);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filters)) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (G_LIST_MODEL (self->filters), 0);

      gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (self->filters));
      gtk_file_dialog_set_default_filter (dialog, first);
    }
  g_object_set_data (G_OBJECT (dialog), "linli-save", GINT_TO_POINTER (save));
  if (save)
    {
      if (self->initial_name != NULL)
        gtk_file_dialog_set_initial_name (dialog, self->initial_name);
      gtk_file_dialog_save (dialog, parent, cancellable, chosen_cb, request);
    }
  else
    gtk_file_dialog_open (dialog, parent, cancellable, chosen_cb, request);
}

#else /* GTK 4.8 */

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Request         *request)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  finish (request, file);
}

static gboolean
cancelled_idle_cb (gpointer user_data)
{
  Request *request = user_data;

  request->idle_id = 0;
  finish (request, NULL);
  return G_SOURCE_REMOVE;
}

/* Called back from the main loop, as GtkFileDialog does: the caller may
 * be cancelling from its dispose. */
static void
cancelled_cb (GCancellable *cancellable,
              Request      *request)
{
  if (request->chooser != NULL)
    gtk_native_dialog_hide (GTK_NATIVE_DIALOG (request->chooser));
  if (request->idle_id == 0)
    request->idle_id = g_idle_add (cancelled_idle_cb, request);
}

static void
start (LinliFilePick *self,
       gboolean       save,
       GtkWindow     *parent,
       GCancellable  *cancellable,
       Request       *request)
{
  guint n_filters = g_list_model_get_n_items (G_LIST_MODEL (self->filters));

  request->chooser = gtk_file_chooser_native_new (self->title, parent,
                                                  save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                       : GTK_FILE_CHOOSER_ACTION_OPEN,
                                                  self->accept_label, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (request->chooser), TRUE);
  for (guint i = 0; i < n_filters; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (G_LIST_MODEL (self->filters), i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (request->chooser), filter);
      if (i == 0)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (request->chooser), filter);
    }
  if (save && self->initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (request->chooser), self->initial_name);
  g_signal_connect (request->chooser, "response", G_CALLBACK (response_cb), request);

  if (cancellable != NULL)
    {
      request->cancellable = g_object_ref (cancellable);
      if (g_cancellable_is_cancelled (cancellable))
        {
          cancelled_cb (cancellable, request);
          return;
        }
      request->cancelled_id = g_signal_connect (cancellable, "cancelled", G_CALLBACK (cancelled_cb), request);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (request->chooser));
}

#endif

static void
linli_file_pick_finalize (GObject *object)
{
  LinliFilePick *self = LINLI_FILE_PICK (object);

  g_free (self->title);
  g_free (self->accept_label);
  g_free (self->initial_name);
  g_clear_object (&self->filters);

  G_OBJECT_CLASS (linli_file_pick_parent_class)->finalize (object);
}

static void
linli_file_pick_class_init (LinliFilePickClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = linli_file_pick_finalize;
}

static void
linli_file_pick_init (LinliFilePick *self)
{
  self->filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
}

/**
 * linli_file_pick_new:
 * @title: the dialog's title: "Export GeoJSON"
 *
 * Returns: (transfer full): a pick to set up, then open or save with; it
 *   may be dropped as soon as it was shown
 */
LinliFilePick *
linli_file_pick_new (const char *title)
{
  LinliFilePick *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LINLI_TYPE_FILE_PICK, NULL);
  self->title = g_strdup (title);
  return self;
}

/**
 * linli_file_pick_set_accept_label:
 * @label: (nullable): the accept button's label, with a mnemonic; %NULL
 *   for the toolkit's Open or Save
 */
void
linli_file_pick_set_accept_label (LinliFilePick *self,
                                  const char    *label)
{
  g_return_if_fail (LINLI_IS_FILE_PICK (self));
  g_free (self->accept_label);
  self->accept_label = g_strdup (label);
}

/**
 * linli_file_pick_set_initial_name:
 * @name: (nullable): the name a save suggests
 */
void
linli_file_pick_set_initial_name (LinliFilePick *self,
                                  const char    *name)
{
  g_return_if_fail (LINLI_IS_FILE_PICK (self));
  g_free (self->initial_name);
  self->initial_name = g_strdup (name);
}

/**
 * linli_file_pick_add_filter:
 *
 * Offers @filter; the first one added is the one selected.
 */
void
linli_file_pick_add_filter (LinliFilePick *self,
                            GtkFileFilter *filter)
{
  g_return_if_fail (LINLI_IS_FILE_PICK (self));
  g_return_if_fail (GTK_IS_FILE_FILTER (filter));
  g_list_store_append (self->filters, filter);
}

static void
pick (LinliFilePick     *self,
      gboolean           save,
      GtkWindow         *parent,
      GCancellable      *cancellable,
      LinliFilePickFunc  func,
      gpointer           user_data,
      GDestroyNotify     destroy)
{
  Request *request = g_new0 (Request, 1);

  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  start (self, save, parent, cancellable, request);
}

/**
 * linli_file_pick_open:
 * @parent: (nullable): the window the dialog is modal to
 * @cancellable: (nullable): closes the dialog; @func then gets %NULL
 * @func: (scope notified): called once, from the main loop
 * @destroy: (nullable): frees @user_data after @func ran
 *
 * Asks for an existing file.
 */
void
linli_file_pick_open (LinliFilePick     *self,
                      GtkWindow         *parent,
                      GCancellable      *cancellable,
                      LinliFilePickFunc  func,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  g_return_if_fail (LINLI_IS_FILE_PICK (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pick (self, FALSE, parent, cancellable, func, user_data, destroy);
}

/**
 * linli_file_pick_save:
 *
 * Asks for a name to save as, suggesting the initial name; the dialog
 * asks before a file is replaced. As linli_file_pick_open() otherwise.
 */
void
linli_file_pick_save (LinliFilePick     *self,
                      GtkWindow         *parent,
                      GCancellable      *cancellable,
                      LinliFilePickFunc  func,
                      gpointer           user_data,
                      GDestroyNotify     destroy)
{
  g_return_if_fail (LINLI_IS_FILE_PICK (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  pick (self, TRUE, parent, cancellable, func, user_data, destroy);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-staff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "linli-case-rules.h"
#include "linli-form-errors.h"
#include "linli-staff.h"
#include "linli-store-private.h"
#include "linli-text.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/**
 * linli_worker_is_active:
 *
 * Returns: whether @worker still works for the office (has not left), and
 *   so may be given new work
 */
gboolean
linli_worker_is_active (LinliRecord *worker)
{
  g_return_val_if_fail (LINLI_IS_WORKER (worker), FALSE);

  return linli_record_get_datetime (worker, "left_at") == NULL;
}

/**
 * linli_worker_dup_role_label:
 *
 * Returns: (transfer full): the role of @worker as the office calls it:
 *   the name the office gave an "other" role, or the role's own word
 */
char *
linli_worker_dup_role_label (LinliRecord *worker)
{
  const char *title;

  g_return_val_if_fail (LINLI_IS_WORKER (worker), NULL);

  title = linli_record_get_text (worker, "role_title");
  if (linli_record_get_enum (worker, "role") == LINLI_WORKER_ROLE_OTHER && !is_blank (title))
    return g_strdup (title);
  return g_strdup (linli_worker_role_label (linli_record_get_enum (worker, "role")));
}

/**
 * linli_worker_normalize:
 *
 * Writes what was typed the one way it is kept: full-width digits as
 * ASCII, a phone number as linli_phone_normalize() writes it, no role name
 * for a role that is not "other".
 */
void
linli_worker_normalize (LinliRecord *worker)
{
  const char *phone;

  g_return_if_fail (LINLI_IS_WORKER (worker));

  phone = linli_record_get_text (worker, "phone");
  if (!is_blank (phone))
    {
      g_autofree char *folded = linli_text_fold_width (phone, LINLI_WIDTH_NUMBER);
      g_autofree char *normal = linli_phone_normalize (folded);
      if (normal != NULL)
        linli_record_set_text (worker, "phone", normal);
    }
  else if (phone != NULL)
    linli_record_set_text (worker, "phone", NULL);

  if (linli_record_get_enum (worker, "role") != LINLI_WORKER_ROLE_OTHER)
    linli_record_set_text (worker, "role_title", NULL);
}

gboolean
linli_worker_validate (LinliRecord       *worker,
                       LinliWorkerErrors *errors)
{
  const char *phone;

  g_return_val_if_fail (LINLI_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (errors != NULL, FALSE);

  linli_worker_errors_clear (errors);
  if (is_blank (linli_record_get_text (worker, "name")))
    errors->name = g_strdup (_("Enter the person’s name"));
  phone = linli_record_get_text (worker, "phone");
  if (!is_blank (phone) && !linli_phone_is_valid (phone))
    errors->phone = g_strdup (_("Enter a mobile number of 11 digits or a landline with its area code, such as 0537-1234567"));
  if (linli_record_get_enum (worker, "role") == LINLI_WORKER_ROLE_OTHER &&
      is_blank (linli_record_get_text (worker, "role_title")))
    errors->role_title = g_strdup (_("Name the role, such as 楼长 or 物业联络员"));
  return linli_form_errors_is_empty ((char * const *) errors, sizeof *errors / sizeof (char *));
}

void
linli_worker_errors_clear (LinliWorkerErrors *errors)
{
  g_return_if_fail (errors != NULL);
  linli_form_errors_clear ((char **) errors, sizeof *errors / sizeof (char *));
}

char *
linli_worker_errors_first (const LinliWorkerErrors *errors)
{
  g_return_val_if_fail (errors != NULL, NULL);
  return linli_form_errors_first ((char * const *) errors, sizeof *errors / sizeof (char *));
}

/**
 * linli_staff_list_active:
 * @keep_id: a worker to list even when they left (the one a case already
 *   names), or 0
 *
 * Returns: (transfer full): the people who may be given new work, in the
 *   register's order, with @keep_id among them where it is set
 */
GListModel *
linli_staff_list_active (LinliStore *store,
                         gint64      keep_id)
{
  g_autoptr(GListModel) all = NULL;
  GListStore *active;

  g_return_val_if_fail (LINLI_IS_STORE (store), NULL);

  all = linli_store_list (store, LINLI_TYPE_WORKER);
  active = g_list_store_new (LINLI_TYPE_WORKER);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(LinliRecord) worker = g_list_model_get_item (all, i);
      if (linli_worker_is_active (worker) || (keep_id != 0 && linli_record_get_id (worker) == keep_id))
        g_list_store_append (active, worker);
    }
  return G_LIST_MODEL (active);
}

/**
 * linli_staff_save:
 * @original: (nullable): @worker as it was read, or %NULL for a new person
 * @worker: the person to write; a new one gets its id
 *
 * Writes a person of the register with the grids they serve, in one
 * transaction. The grids learn of it too: their workers changed.
 */
gboolean
linli_staff_save (LinliStore   *store,
                  LinliRecord  *original,
                  LinliRecord  *worker,
                  GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (original == NULL || LINLI_IS_WORKER (original), FALSE);
  g_return_val_if_fail (LINLI_IS_WORKER (worker), FALSE);

  if (!linli_store_begin (store, error))
    return FALSE;
  if (original == NULL)
    ok = linli_record_get_id (worker) != 0 ? linli_store_restore (store, worker, error)
                                           : linli_store_insert (store, worker, error);
  else
    ok = linli_store_update_from (store, original, worker, error);
  if (ok)
    linli_store_note_change (store, LINLI_TYPE_GRID, LINLI_CHANGE_RESET, 0);
  if (!ok)
    {
      linli_store_rollback (store);
      return FALSE;
    }
  return linli_store_commit (store, error);
}

/**
 * linli_staff_insert_all:
 * @workers: (element-type LinliRecord): new people, with their grids
 * @count: (nullable) (scope call): told of the people written
 * @cancellable: (nullable): stops it, and then no one is added
 *
 * Adds everyone or, when one cannot be added or it is cancelled, no one:
 * an import.
 */
gboolean
linli_staff_insert_all (LinliStore          *store,
                        GPtrArray           *workers,
                        LinliStaffCountFunc  count,
                        gpointer             count_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !linli_store_begin_batch (store, error))
    return FALSE;
  for (guint i = 0; i < workers->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !linli_store_insert (store, workers->pdata[i], error))
        {
          linli_store_rollback (store);
          return FALSE;
        }
      if (count != NULL)
        count (i + 1, workers->len, count_data);
    }
  /* The grids gained workers too. */
  linli_store_note_change (store, LINLI_TYPE_GRID, LINLI_CHANGE_RESET, 0);
  /* Cancelled at the last moment: still no one is added. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !linli_store_commit (store, error))
    {
      linli_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_staff_mark_left:
 * @worker: a person of the register, as it was read; it is not changed
 * @at: the day they left
 *
 * Records that @worker left the office on @at: they keep their name on
 * old cases and the 民情日记, no longer serve any grid and are no longer
 * offered for new work. Writing @worker back with linli_staff_save()
 * undoes it.
 */
gboolean
linli_staff_mark_left (LinliStore   *store,
                       LinliRecord  *worker,
                       GDateTime    *at,
                       GError      **error)
{
  g_autoptr(LinliRecord) left = NULL;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (LINLI_IS_WORKER (worker), FALSE);
  g_return_val_if_fail (at != NULL, FALSE);

  left = linli_record_copy (worker);
  linli_record_set_datetime (left, "left_at", at);
  linli_record_set_refs (left, "grids", NULL, 0);
  return linli_staff_save (store, worker, left, error);
}

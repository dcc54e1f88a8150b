/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "linli-demo.h"
#include "linli-demo-private.h"

/* The demo community: the fixed facts (grids, buildings, people, partner
 * units, the article's own cases, activities and outreach events, and the
 * templates of everyday cases) come from a JSON resource; the everyday cases
 * are generated from a fixed seed, so one @today always gives the same demo.
 * This file reads the resource and writes the parts in order; the parts are
 * in linli-demo-data.c, linli-demo-facts.c, linli-demo-cases.c and
 * linli-demo-events.c. */

#define DEMO_RESOURCE RESOURCE_BASE "/demo/dongfang-yuyuan.json"

/* ------------------------------------------------------------------------ */

static void
demo_clear (Demo *d)
{
  g_clear_pointer (&d->tz, g_time_zone_unref);
  g_clear_pointer (&d->today, g_date_time_unref);
  g_clear_pointer (&d->clock, g_date_time_unref);
  g_clear_error (&d->error);
  g_clear_pointer (&d->grids, g_hash_table_unref);
  g_clear_pointer (&d->staff, g_hash_table_unref);
  g_clear_pointer (&d->grid_workers, g_hash_table_unref);
  g_clear_pointer (&d->workers, g_hash_table_unref);
  g_clear_pointer (&d->buildings, g_hash_table_unref);
  g_clear_pointer (&d->building_list, g_ptr_array_unref);
  g_clear_pointer (&d->places, g_hash_table_unref);
  g_clear_pointer (&d->residents, g_ptr_array_unref);
  g_clear_pointer (&d->organisations, g_hash_table_unref);
  g_clear_pointer (&d->volunteers, g_array_unref);
}

static gboolean
write_all (Demo       *d,
           JsonObject *root,
           GError    **error)
{
  d->texts = linli_demo_req_object (d, root, "case_texts");

  if (!linli_demo_write_community (d, root, error) ||
      !linli_demo_write_workers (d, root, error) ||
      !linli_demo_write_grids (d, root, error) ||
      !linli_demo_write_buildings (d, root, error))
    return FALSE;
  linli_demo_read_places (d, root);
  if (!linli_demo_write_residents (d, root, error) ||
      !linli_demo_write_organisations (d, root, error) ||
      !linli_demo_write_volunteers (d, root, error) ||
      !linli_demo_write_cases (d, root, error) ||
      !linli_demo_write_activities (d, root, error) ||
      !linli_demo_write_outreach (d, root, error))
    return FALSE;

  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }
  return TRUE;
}

/**
 * linli_demo_populate:
 * @store: a store without a community
 * @today: the end of the demo's twelve months
 *
 * Writes the demo community — 东方御园社区 of 许庄街道, 济宁 — into @store in
 * one transaction: its grids, buildings and people, the cases, activities and
 * outreach events of the newspaper article that Linli grew from, and some two
 * hundred everyday cases over the twelve months up to @today. The same @today
 * always gives the same demo.
 *
 * Returns: %TRUE on success; on failure nothing is written
 */
gboolean
linli_demo_populate (LinliStore  *store,
                     GDateTime   *today,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  Demo d = { 0 };
  LinliClockFunc own_clock;
  gpointer own_clock_data;
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (LINLI_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (linli_store_count (store, LINLI_TYPE_COMMUNITY) > 0)
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community can only be written into an empty database."));
      return FALSE;
    }

  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  parser = json_parser_new_immutable ();
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community data cannot be read: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, LINLI_STORE_ERROR, LINLI_STORE_ERROR_FAILED,
                   _("The demo community data is damaged: “%s” is missing or invalid."), "/");
      return FALSE;
    }

  d.store = store;
  d.tz = linli_demo_time_zone ();
  d.today = g_date_time_to_timezone (today, d.tz);
  linli_demo_date_of (d.today, &d.today_date);
  d.grids = g_hash_table_new (g_str_hash, g_str_equal);
  d.staff = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, linli_demo_staff_free);
  d.grid_workers = g_hash_table_new (NULL, NULL);
  d.workers = g_hash_table_new (g_str_hash, g_str_equal);
  d.buildings = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  d.building_list = g_ptr_array_new ();
  d.places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  d.residents = g_ptr_array_new_with_free_func (g_free);
  d.organisations = g_hash_table_new (g_str_hash, g_str_equal);
  d.volunteers = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!linli_store_begin (store, error))
    {
      demo_clear (&d);
      return FALSE;
    }
  /* Timeline entries the store writes itself are stamped with the time of
   * each step, not with the time the demo was made. */
  linli_store_get_clock (store, &own_clock, &own_clock_data);
  linli_store_set_clock (store, linli_demo_clock, &d);
  ok = write_all (&d, json_node_get_object (root), error);
  linli_store_set_clock (store, own_clock, own_clock_data);

  if (ok)
    ok = linli_store_commit (store, error);
  else
    linli_store_rollback (store);

  demo_clear (&d);
  return ok;
}

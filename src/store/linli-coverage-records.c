/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "linli-coverage"

#include "config.h"

#include "linli-coverage-records.h"
#include "linli-records.h"

/**
 * linli_coverage_check_records:
 * @grids: #LinliGrid records; only management grids with an outline count
 * @buildings: #LinliBuilding records; those with no location are left out
 *
 * Returns: (transfer full): the result of the check
 */
LinliCoverage *
linli_coverage_check_records (GListModel *grids,
                              GListModel *buildings)
{
  LinliCoverage *self = linli_coverage_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (grids), self);
  g_return_val_if_fail (G_IS_LIST_MODEL (buildings), self);

  for (guint i = 0; i < g_list_model_get_n_items (grids); i++)
    {
      g_autoptr(LinliRecord) grid = g_list_model_get_item (grids, i);
      const char *boundary = linli_record_get_text (grid, "boundary");
      g_autoptr(LinliGeometry) outline = NULL;

      if (linli_record_get_enum (grid, "kind") != LINLI_GRID_KIND_MANAGEMENT || boundary == NULL)
        continue;
      /* An outline that cannot be read is not drawn either; the map warns. */
      outline = linli_geometry_parse (boundary, NULL);
      if (outline != NULL)
        linli_coverage_add_grid (self, linli_record_get_id (grid), outline);
    }
  for (guint i = 0; i < g_list_model_get_n_items (buildings); i++)
    {
      g_autoptr(LinliRecord) building = g_list_model_get_item (buildings, i);
      LinliPoint location = { linli_record_get_double (building, "lon"),
                              linli_record_get_double (building, "lat") };

      linli_coverage_add_building (self, linli_record_get_id (building), location);
    }
  linli_coverage_run (self);
  return self;
}

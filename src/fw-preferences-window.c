/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-core.h"
#include "fw-preferences-window.h"

struct _FwPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  char                 *language_at_start;

  AdwComboRow          *scheme_row;
  AdwComboRow          *language_row;
  GtkWidget            *restart_row;
  GtkSwitch            *autosave_switch;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *export_theme_row;
  AdwComboRow          *export_language_row;
  AdwEntryRow          *member_name_row;
  AdwComboRow          *member_role_row;
};

G_DEFINE_FINAL_TYPE (FwPreferencesWindow, fw_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The language row's positions, in the order of the .ui's list. */
static const char *languages[] = { "", "en", "ja" };

static void
scheme_selected_cb (FwPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "color-scheme",
                       (int) adw_combo_row_get_selected (self->scheme_row));
}

static void
language_selected_cb (FwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);
  const char *language;

  if (selected >= G_N_ELEMENTS (languages))
    return;
  language = languages[selected];
  g_settings_set_string (self->settings, "language", language);
  gtk_widget_set_visible (self->restart_row, g_strcmp0 (language, self->language_at_start) != 0);
}

static void
export_theme_selected_cb (FwPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "export-theme",
                         adw_combo_row_get_selected (self->export_theme_row) == 1 ? "dark"
                                                                                   : "light");
}

static void
export_language_selected_cb (FwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->export_language_row);

  if (selected < G_N_ELEMENTS (languages))
    g_settings_set_string (self->settings, "export-language", languages[selected]);
}

static void
member_role_selected_cb (FwPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->member_role_row);

  if (selected < FW_N_ROLES)
    g_settings_set_string (self->settings, "member-role", fw_role_to_id ((FwRole) selected));
}

static void
fw_preferences_window_dispose (GObject *object)
{
  FwPreferencesWindow *self = (FwPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FW_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->language_at_start, g_free);

  G_OBJECT_CLASS (fw_preferences_window_parent_class)->dispose (object);
}

static void
fw_preferences_window_class_init (FwPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/fw-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, restart_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, width_spin);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, height_spin);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, export_theme_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, export_language_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, member_name_row);
  gtk_widget_class_bind_template_child (widget_class, FwPreferencesWindow, member_role_row);
}

static void
fw_preferences_window_init (FwPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fw_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  FwPreferencesWindow *self;
  g_autofree char *language = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (FW_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);

  adw_combo_row_set_selected (self->scheme_row,
                              (guint) g_settings_get_enum (settings, "color-scheme"));
  language = g_settings_get_string (settings, "language");
  self->language_at_start = g_strdup (language);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      adw_combo_row_set_selected (self->language_row, i);

  g_settings_bind (settings, "autosave", self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "export-width", self->width_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "export-height", self->height_spin, "value", G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *theme = g_settings_get_string (settings, "export-theme");
    g_autofree char *export_language = g_settings_get_string (settings, "export-language");

    adw_combo_row_set_selected (self->export_theme_row, g_str_equal (theme, "dark") ? 1 : 0);
    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      if (g_str_equal (languages[i], export_language))
        adw_combo_row_set_selected (self->export_language_row, i);
  }
  {
    g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
    g_autofree char *role_id = g_settings_get_string (settings, "member-role");
    FwRole role = FW_ROLE_PRODUCT_MANAGER;

    for (guint i = 0; i < FW_N_ROLES; i++)
      gtk_string_list_append (roles, fw_role_label ((FwRole) i));
    adw_combo_row_set_model (self->member_role_row, G_LIST_MODEL (roles));
    fw_role_from_id (role_id, &role);
    adw_combo_row_set_selected (self->member_role_row, role);
  }
  g_settings_bind (settings, "member-name", self->member_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->member_role_row, "notify::selected",
                           G_CALLBACK (member_role_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_theme_row, "notify::selected",
                           G_CALLBACK (export_theme_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_language_row, "notify::selected",
                           G_CALLBACK (export_language_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scheme_row, "notify::selected",
                           G_CALLBACK (scheme_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (language_selected_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

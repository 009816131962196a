/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A conflict's row on the Conflicts page: the field, mine, theirs and the value
 * before, Keep Mine / Take Theirs (Keep It / Delete It for a whole item), and the
 * editor of a value of one's own. The page resolves what they choose. */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-conflicts-page-private.h"
#include "fw-ui.h"

/* ------------------------------------------------------------------ editing a value */

typedef enum
{
  EDIT_NONE,        /* a switch, the links to cases, a whole item */
  EDIT_LINE,
  EDIT_TEXT,        /* several lines: the stages' whys, a text with a line break */
  EDIT_CHOICE,      /* one of an enum's values */
} EditKind;

static gboolean
has_line_break (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         strchr (json_node_get_string (node), '\n') != NULL;
}

static EditKind
edit_kind (const FwConflict *conflict)
{
  gboolean on_judgement;
  GParamSpec *pspec = _fw_conflict_field_pspec (conflict->kind, conflict->field, &on_judgement);

  if (pspec == NULL)
    return EDIT_NONE;
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    return EDIT_CHOICE;
  if (!G_IS_PARAM_SPEC_STRING (pspec))
    return EDIT_NONE;
  if (g_str_has_prefix (conflict->field, "why-") || has_line_break (conflict->ours) ||
      has_line_break (conflict->theirs) || has_line_break (conflict->base))
    return EDIT_TEXT;
  return EDIT_LINE;
}

/* ------------------------------------------------------------------ wording */

/* "Ben" of "Ben, 2026-12-01T10:00:00Z": fw_merge() names a side by its author and
 * the time of its last change; a file's name stays whole. */
static char *
dup_side_name (const char *from)
{
  const char *comma = from ? g_strrstr (from, ", ") : NULL;

  if (from == NULL || *from == '\0')
    /* TRANSLATORS: who changed or deleted an item, when the file does not say */
    return g_strdup (_("someone else"));
  if (comma && comma > from && g_ascii_isdigit (comma[2]))
    return g_strndup (from, comma - from);
  return g_strdup (from);
}

/* The sentence a whole-item conflict is titled with, without a common version:
 * which side added the item and which deleted it is not known. */
static const char *
only_one_side (FwItemKind kind,
               gboolean   mine)
{
  switch (kind)
    {
    case FW_ITEM_CASE:
      return mine ? _("Only your copy has this case") : _("Only the other copy has this case");
    case FW_ITEM_MEMBER:
      return mine ? _("Only your copy has this member")
                  : _("Only the other copy has this member");
    case FW_ITEM_ASSESSMENT:
      return mine ? _("Only your copy has this assessment")
                  : _("Only the other copy has this assessment");
    case FW_ITEM_IDEA:
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      return mine ? _("Only your copy has this idea") : _("Only the other copy has this idea");
    }
}

/* The sentence a whole-item conflict is titled with: who deleted it, who changed it. */
static char *
dup_item_sentence (const FwConflict *conflict)
{
  gboolean mine = _fw_conflict_is_true (conflict->ours);
  g_autofree char *who = NULL;

  if (conflict->base == NULL)
    return g_strdup (only_one_side (conflict->kind, mine));
  who = dup_side_name (conflict->theirs_from);
  switch (conflict->kind)
    {
    case FW_ITEM_CASE:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this case; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this case; %s changed it"), who);
    case FW_ITEM_MEMBER:
      if (mine)
        /* TRANSLATORS: %s is who removed the member in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this member; %s removed them from the team"),
                                who);
      /* TRANSLATORS: %s is who changed the member in the other copy: "Ben" */
      return g_strdup_printf (_("You removed this member from the team; %s changed them"), who);
    case FW_ITEM_ASSESSMENT:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this assessment; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this assessment; %s changed it"), who);
    case FW_ITEM_IDEA:
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this idea; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this idea; %s changed it"), who);
    }
}

/* "Mine: “…”" or "Mine (Aiko, 2026-12-01T10:00:00Z): “…”". */
static char *
dup_side_line (FwWorkbook       *workbook,
               const FwConflict *conflict,
               gboolean          mine)
{
  const char *from = mine ? conflict->ours_from : conflict->theirs_from;
  g_autofree char *text = fw_field_format_value (workbook, conflict->kind, conflict->field,
                                                 mine ? conflict->ours : conflict->theirs, 0);

  if (from && *from && mine)
    /* TRANSLATORS: your value in a conflict: "Mine (Aiko, 2026-12-01T10:00:00Z): “…”";
     * %1$s says whose copy and when, %2$s is the value */
    return g_strdup_printf (_("Mine (%1$s): %2$s"), from, text);
  if (from && *from)
    /* TRANSLATORS: the other copy's value in a conflict: "Theirs (Ben,
     * 2026-12-01T10:00:00Z): “…”"; %1$s says whose copy and when, %2$s is the value */
    return g_strdup_printf (_("Theirs (%1$s): %2$s"), from, text);
  if (mine)
    /* TRANSLATORS: your value in a conflict: "Mine: “…”" */
    return g_strdup_printf (_("Mine: %s"), text);
  /* TRANSLATORS: the other copy's value in a conflict: "Theirs: “…”" */
  return g_strdup_printf (_("Theirs: %s"), text);
}


/* ------------------------------------------------------------------ the buttons and the editor */

static const FwConflict *
row_conflict (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_PREFERENCES_ROW);

  return row ? g_object_get_data (G_OBJECT (row), "conflict") : NULL;
}

static void
keep_mine_clicked_cb (GtkButton       *button,
                      FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_OURS, NULL);
}

static void
take_theirs_clicked_cb (GtkButton       *button,
                        FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_THEIRS, NULL);
}

/* Keep It / Delete It: the side that did so, or the value itself when neither did. */
static void
resolve_item (FwConflictsPage  *self,
              const FwConflict *conflict,
              gboolean          keep)
{
  g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), keep);

  if (_fw_conflict_is_true (conflict->ours) == keep)
    _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_OURS, NULL);
  else if (_fw_conflict_is_true (conflict->theirs) == keep)
    _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_THEIRS, NULL);
  else
    _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_VALUE, value);
}

static void
keep_item_clicked_cb (GtkButton       *button,
                      FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve_item (self, conflict, TRUE);
}

static void
delete_item_clicked_cb (GtkButton       *button,
                        FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve_item (self, conflict, FALSE);
}

static GEnumClass *
conflict_enum_class (const FwConflict *conflict)
{
  gboolean on_judgement;
  GParamSpec *pspec = _fw_conflict_field_pspec (conflict->kind, conflict->field, &on_judgement);

  return pspec && G_IS_PARAM_SPEC_ENUM (pspec) ? G_PARAM_SPEC_ENUM (pspec)->enum_class : NULL;
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FwConflictsPage  *self)
{
  const FwConflict *conflict = g_object_get_data (G_OBJECT (dialog), "conflict");
  GtkWidget *input = g_object_get_data (G_OBJECT (dialog), "input");
  g_autoptr(JsonNode) value = NULL;

  if (g_strcmp0 (response, "save") != 0 || conflict == NULL || input == NULL)
    return;
  if (GTK_IS_DROP_DOWN (input))
    {
      GEnumClass *klass = conflict_enum_class (conflict);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));

      if (klass == NULL || selected >= klass->n_values)
        return;
      value = json_node_init_string (json_node_alloc (), klass->values[selected].value_nick);
    }
  else if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      value = json_node_init_string (json_node_alloc (), text);
    }
  else
    value = json_node_init_string (json_node_alloc (),
                                   gtk_editable_get_text (GTK_EDITABLE (input)));
  _fw_conflicts_page_resolve (self, conflict, FW_RESOLVE_VALUE, value);
}

static const char *
node_string (JsonNode *node)
{
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "";
}

/* A value of one's own, starting from mine: a line, a text, or one of the choices. */
static void
edit_clicked_cb (GtkButton       *button,
                 FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));
  g_autofree char *item = NULL;
  const char *label;
  GtkWidget *dialog, *input, *extra;

  if (conflict == NULL || self->workbook == NULL)
    return;
  item = fw_merge_describe_item (self->workbook, conflict->kind, conflict->id,
                                 conflict->member_id);
  label = fw_field_label (conflict->kind, conflict->field);
  dialog = adw_message_dialog_new (fw_ui_get_window (GTK_WIDGET (self)), label, item);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  switch (edit_kind (conflict))
    {
    case EDIT_CHOICE:
      {
        GEnumClass *klass = conflict_enum_class (conflict);
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        guint selected = 0;

        for (guint i = 0; i < klass->n_values; i++)
          {
            g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (),
                                                              klass->values[i].value_nick);
            g_autofree char *text = fw_field_format_value (self->workbook, conflict->kind,
                                                           conflict->field, node, 0);

            gtk_string_list_append (labels, text);
            if (g_str_equal (klass->values[i].value_nick, node_string (conflict->ours)))
              selected = i;
          }
        input = extra = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (input), selected);
      }
      break;
    case EDIT_TEXT:
      {
        GtkTextBuffer *buffer;

        input = gtk_text_view_new ();
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
        gtk_text_buffer_set_text (buffer, node_string (conflict->ours), -1);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 8);
        extra = gtk_scrolled_window_new ();
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (extra), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (extra), 96);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (extra), 240);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (extra), TRUE);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (extra), input);
        gtk_widget_add_css_class (extra, "card");
      }
      break;
    case EDIT_LINE:
    case EDIT_NONE:
    default:
      input = extra = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (input), node_string (conflict->ours));
      gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
      break;
    }
  gtk_widget_set_name (input, "edit-input");
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  g_object_set_data_full (G_OBJECT (dialog), "conflict", fw_conflict_copy (conflict),
                          (GDestroyNotify) fw_conflict_free);
  g_object_set_data (G_OBJECT (dialog), "input", input);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (input);
}

/* ------------------------------------------------------------------ the row */

static GtkWidget *
add_button (GtkWidget  *box,
            const char *mnemonic,
            const char *name,
            const char *description,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_name (button, name);
  /* Every row has these buttons: the description says which value they are for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  gtk_flow_box_append (GTK_FLOW_BOX (box), button);
  /* Tab goes from button to button, not to the flow box's child first. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
  return button;
}

GtkWidget *
_fw_conflict_row_new (FwConflictsPage  *self,
                      const FwConflict *conflict)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_flow_box_new ();

  gtk_widget_set_name (buttons, "conflict-buttons");
  g_autofree char *item = fw_merge_describe_item (self->workbook, conflict->kind, conflict->id,
                                                  conflict->member_id);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *first, *label;

  gtk_widget_set_name (row, "conflict");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Side by side, or one above the other where the two do not fit (Japanese at
   * 360 px): a box of two buttons that cannot wrap widened the window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  /* Filling the row: a flow box aligned to one side is measured for one line and
   * laid out in two, pushing the second button out of the row. */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (buttons), TRUE);
  gtk_widget_set_margin_top (buttons, 6);

  if (_fw_conflict_is_whole_item (conflict))
    {
      title = dup_item_sentence (conflict);
      label = fw_ui_new_text (title, "heading");
      gtk_widget_set_name (label, "conflict-title");
      gtk_box_append (GTK_BOX (box), label);
      first = add_button (buttons, _("_Keep It"), "keep-item", item,
                          G_CALLBACK (keep_item_clicked_cb), self);
      add_button (buttons, _("_Delete It"), "delete-item", item,
                  G_CALLBACK (delete_item_clicked_cb), self);
    }
  else
    {
      g_autofree char *mine = dup_side_line (self->workbook, conflict, TRUE);
      g_autofree char *theirs = dup_side_line (self->workbook, conflict, FALSE);

      title = g_strdup (fw_field_label (conflict->kind, conflict->field));
      /* TRANSLATORS: what the buttons of a conflict are for, read out by a screen
       * reader: "Data — why, Idea “Title”" */
      description = g_strdup_printf (_("%1$s, %2$s"), title, item);
      label = fw_ui_new_text (title, "heading");
      gtk_widget_set_name (label, "conflict-title");
      gtk_widget_set_hexpand (label, TRUE);
      if (edit_kind (conflict) != EDIT_NONE)
        {
          /* Beside the field's name, so that the row's two answers fit at 360 px. */
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

          gtk_widget_set_name (edit, "edit-value");
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_set_valign (edit, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (edit, _("Edit Value"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Value"),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                          -1);
          g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
          gtk_box_append (GTK_BOX (line), label);
          gtk_box_append (GTK_BOX (line), edit);
          gtk_box_append (GTK_BOX (box), line);
        }
      else
        gtk_box_append (GTK_BOX (box), label);
      label = fw_ui_new_text (mine, NULL);
      gtk_widget_set_name (label, "mine-value");
      gtk_box_append (GTK_BOX (box), label);
      label = fw_ui_new_text (theirs, NULL);
      gtk_widget_set_name (label, "theirs-value");
      gtk_box_append (GTK_BOX (box), label);
      if (conflict->base)
        {
          g_autofree char *value = fw_field_format_value (self->workbook, conflict->kind,
                                                          conflict->field, conflict->base, 0);
          /* TRANSLATORS: the value both copies started from, in a conflict */
          g_autofree char *text = g_strdup_printf (_("Before: %s"), value);

          label = fw_ui_new_text (text, "dim-label");
          gtk_widget_set_name (label, "base-value");
          gtk_box_append (GTK_BOX (box), label);
        }
      first = add_button (buttons, _("Keep _Mine"), "keep-mine", description,
                          G_CALLBACK (keep_mine_clicked_cb), self);
      add_button (buttons, _("Take _Theirs"), "take-theirs", description,
                  G_CALLBACK (take_theirs_clicked_cb), self);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "conflict", fw_conflict_copy (conflict),
                          (GDestroyNotify) fw_conflict_free);
  g_object_set_data (G_OBJECT (row), "first-button", first);
  return row;
}

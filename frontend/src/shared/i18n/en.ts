import type { Messages } from "./de";
import { enDistricts } from "../../features/districts/i18n/en";
import { enPlanning } from "../../features/planning/i18n/en";
import { enConsultation } from "../../features/consultation/i18n/en";
import { enIdentity } from "../../features/identity/i18n/en";

/** English texts. The type makes a missing or extra key a compile error. */
export const en: Messages = {
  site: {
    name: "teilhabe",
    tagline: "Shaping social planning in Thuringia together",
    homeLink: "teilhabe – home page",
    pageTitle: "{{page}} – teilhabe",
  },
  skipLink: "Skip to main content",
  nav: {
    label: "Main navigation",
    districts: "Districts",
    atlas: "Social atlas",
    atlasOverview: "Land overview of the social-structure atlas",
    organisations: "Organisations",
    needs: "My needs assessments",
    admin: "Administration",
  },
  language: {
    label: "Language",
    de: "Deutsch",
    en: "English",
  },
  footer: {
    about: "teilhabe is free software for integrated, participatory social planning.",
    licence: "Licence: AGPL-3.0-or-later",
    dataNote: "Data sources are given with the maps.",
  },
  common: {
    loading: "Loading …",
    retry: "Try again",
    networkError: "The server cannot be reached. Please check your connection.",
    serverError: "Something went wrong while loading.",
  },
  access: {
    back: "To the district's page",
    heading: "No access",
    text: "This page is reserved for the district's planning coordination.",
    loginText: "Please log in with an administration account.",
  },
  confirm: {
    cancel: "Cancel",
  },
  units: {
    area: "{{value}} km²",
  },
  attribution: {
    label: "Sources",
  },
  form: {
    required: "required",
    choose: "Please choose",
    saving: "Saving …",
    errors: {
      required: "Please fill in this field.",
      tooLong: "Please use at most {{max}} characters.",
      slug: "Please use only lower-case letters, digits and hyphens (2 to 63 characters, starting with a letter or digit).",
      email: "Please enter an e-mail address, for example name@example.org.",
      slugTaken: "This short name is already taken. Please choose another one.",
      chooseKind: "Please choose the type of organisation.",
      chooseDistrict: "Please choose a district.",
      invalidDateTime: "Please give a date and time, for example 21/11/2026, 15:00.",
      closesBeforeOpens: "The end must be after the start.",
      chooseOrganisation: "Please invite at least one organisation.",
      needSection: "The plan needs at least one section.",
    },
  },
  errors: {
    validation_failed: "The input is not valid.",
    invalid_request: "The input is not valid.",
    invalid_geometry: "The outline is not valid.",
    outside_district:
      "The area does not lie (entirely) in the district; each part may stick out of the simplified district boundary only as far as the server's message says.",
    organisation_exists: "This short name is already taken.",
    organisation_not_found: "This organisation does not exist (any more).",
    user_not_found: "This person does not exist (any more).",
    invitation_not_found: "This invitation does not exist (any more): it was answered or withdrawn.",
    invitation_expired: "This invitation has expired. Please ask the organisation for a new one.",
    invitations_rate_limited: "You have just sent many invitations. Please wait a while before sending more.",
    member_not_found: "This person is not (or no longer) a member of the organisation.",
    district_not_found: "This district does not exist.",
    forbidden: "You are not allowed to do this.",
    unauthenticated: "You are no longer logged in. Please log in again.",
    csrf_failed: "Your session has changed. Please reload the page and try again.",
    role_from_identity_provider:
      "This role comes from the identity provider and can only be changed there; it would be back at the next login.",
    process_not_found: "This planning process does not exist (any more).",
    social_area_not_found: "This area does not exist (any more).",
    document_not_found: "This document does not exist (any more).",
    status_change_not_allowed: "This status change is not possible.",
    unsupported_file_type: "Files of this kind cannot be uploaded. Please choose a PDF or office file.",
    file_too_large: "The file is too large. At most 20 MB are possible.",
    payload_too_large: "The file is too large. At most 20 MB are possible.",
    consultation_not_found: "This consultation does not exist (any more).",
    comment_not_found: "This comment does not exist (any more).",
    consultation_closed: "The consultation is not open: comments are possible only during its period.",
    not_in_audience: "You cannot write in this consultation; it is meant for other participants.",
    edit_window_over: "The time to edit this comment is over.",
    not_author: "Only the person who wrote the comment may do that.",
    already_done: "That has already been done.",
    own_comment: "You cannot support your own comment.",
    rate_limited: "You are writing very fast. Please wait a moment and try again.",
    generic: "Unfortunately, that did not work. Please try again.",
    serverDetail: "Server message: {{detail}}",
  },
  notFound: {
    title: "Page not found",
    text: "The page {{path}} does not exist. Perhaps its address has changed.",
    home: "Go to the home page",
  },
  ...enDistricts,
  ...enPlanning,
  ...enConsultation,
  ...enIdentity,
};

import { describe, expect, it } from "vitest";
import type { Comment } from "../api/consultations";
import { commentControls, type CommentControls, type Viewer } from "./commentPermissions";

const now = Date.parse("2026-11-21T12:05:00Z");
const comment = (rest: Partial<Comment> = {}): Comment => ({
  id: 1,
  consultation_id: 1,
  author_name: "Arne Awo",
  status: "published",
  html: "<p>x</p>",
  pinned: false,
  supports: 0,
  created_at: "2026-11-21T12:00:00Z",
  is_own: false,
  actions: [],
  supported: false,
  replies: 0,
  ...rest,
});

const anonymous: Viewer = { loggedIn: false, canComment: false, open: true, canModerate: false };
const resident: Viewer = { loggedIn: true, canComment: true, open: true, canModerate: false };
const outsider: Viewer = { loggedIn: true, canComment: false, open: true, canModerate: false };
const coordinator: Viewer = { loggedIn: true, canComment: true, open: true, canModerate: true };
const closed: Viewer = { loggedIn: true, canComment: false, open: false, canModerate: false };

const on = (controls: CommentControls) =>
  Object.entries(controls)
    .filter(([, v]) => v)
    .map(([k]) => k);

describe("commentControls", () => {
  it("offers anonymous readers nothing but reading", () => {
    expect(on(commentControls(comment(), anonymous, now))).toEqual([]);
  });

  it("lets people of the audience support, reply and flag others' comments", () => {
    expect(on(commentControls(comment(), resident, now))).toEqual(["support", "reply", "flag"]);
  });

  it("lets people outside the audience support and flag, but not reply", () => {
    expect(on(commentControls(comment(), outsider, now))).toEqual(["support", "flag"]);
  });

  it("offers one's own comment edit (in the window) and withdraw, never support or flag", () => {
    expect(on(commentControls(comment({ is_own: true }), resident, now))).toEqual(["reply", "edit", "withdraw"]);
    expect(on(commentControls(comment({ is_own: true, created_at: "2026-11-21T11:00:00Z" }), resident, now))).toEqual(["reply", "withdraw"]);
    expect(on(commentControls(comment({ is_own: true, status: "pending" }), resident, now))).toEqual(["edit", "withdraw"]);
    expect(on(commentControls(comment({ is_own: true, status: "rejected" }), resident, now))).toEqual(["withdraw"]);
    expect(on(commentControls(comment({ is_own: true, status: "withdrawn" }), resident, now))).toEqual(["reply"]);
  });

  it("lets moderators moderate and respond", () => {
    expect(on(commentControls(comment(), coordinator, now))).toEqual(["support", "reply", "flag", "moderate", "respond"]);
    expect(on(commentControls(comment({ status: "pending" }), coordinator, now))).toEqual(["moderate", "respond"]);
  });

  it("is read-only after the consultation closed", () => {
    expect(on(commentControls(comment(), closed, now))).toEqual([]);
    expect(on(commentControls(comment({ is_own: true }), closed, now))).toEqual([]);
  });
});

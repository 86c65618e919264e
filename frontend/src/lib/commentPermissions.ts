import type { Comment } from "../api/consultations";
import { canEdit } from "./editWindow";

/** What the reader of a consultation may do in general. */
export interface Viewer {
  loggedIn: boolean;
  /** The server's can_comment: logged in, in the audience, and the window is open. */
  canComment: boolean;
  /** The consultation is open now (after it closes, everything is read-only). */
  open: boolean;
  /** The district's coordinators and admins. */
  canModerate: boolean;
}

/** The controls a comment offers the reader; the server checks each action again. */
export interface CommentControls {
  support: boolean;
  reply: boolean;
  flag: boolean;
  edit: boolean;
  withdraw: boolean;
  moderate: boolean;
  respond: boolean;
}

export function commentControls(comment: Comment, viewer: Viewer, now: number): CommentControls {
  const published = comment.status === "published";
  const isPublic = published || comment.status === "withdrawn";
  const others = viewer.loggedIn && !comment.is_own;
  return {
    support: others && published && viewer.open,
    reply: viewer.canComment && isPublic,
    flag: others && published && viewer.open,
    edit: viewer.open && canEdit(comment, now),
    withdraw: viewer.open && comment.is_own && comment.status !== "withdrawn",
    moderate: viewer.canModerate,
    respond: viewer.canModerate && comment.status !== "withdrawn",
  };
}

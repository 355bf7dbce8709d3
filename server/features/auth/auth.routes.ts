// Sign-in, sign-out, one-time links and passwords under /api/v1.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  acceptedResponse,
  acceptInviteRequest,
  changePasswordRequest,
  consumeLinkRequest,
  magicLinkRequest,
  passwordResetConfirm,
  passwordResetRequest,
  sessionResponse,
  signInRequest,
} from '../../../common/auth.ts';
import {
  clearSessionCookie,
  guardSignedIn,
  requireAuth,
  setSessionCookie,
} from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { createAttemptLimiter } from './auth.limits.ts';
import { presentAccepted, presentSession } from './auth.presenter.ts';
import {
  acceptInvitation,
  changePassword,
  requestPasswordReset,
  requestSignInLink,
  resendVerification,
  resetPassword,
  signInWithLink,
  signInWithPassword,
  signOut,
  signOutEverywhere,
  verifyEmail,
  type Client,
  type SignedIn,
} from './auth.service.ts';

const tags = ['auth'];
const noContent = z.null().describe('No content');

function clientOf(request: FastifyRequest): Client {
  return {
    userAgent: request.headers['user-agent'] ?? '',
    currentSessionId: request.auth?.session.id ?? null,
  };
}

// Hands the new session to the browser and answers with it, as GET /session would.
function answerWithSession(reply: FastifyReply, ctx: AppContext, signedIn: SignedIn) {
  setSessionCookie(reply, ctx, signedIn.secret, signedIn.expiresAt);
  return presentSession(signedIn.auth);
}

/** Registers the authentication endpoints. */
export function registerAuthRoutes(app: App, ctx: AppContext): void {
  const signInAttempts = createAttemptLimiter(app);
  const signInLinkRequests = createAttemptLimiter(app);
  const passwordResetRequests = createAttemptLimiter(app);
  const verificationResends = createAttemptLimiter(app);
  const passwordChanges = createAttemptLimiter(app);

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, their organisations and the CSRF token',
        response: { 200: sessionResponse },
      },
    },
    (request) => presentSession(request.auth),
  );

  app.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail address and password',
        body: signInRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      await signInAttempts.count(request, request.body.email);
      const signedIn = await signInWithPassword(ctx, request.body, clientOf(request));
      return answerWithSession(reply, ctx, signedIn);
    },
  );

  app.post(
    '/auth/magic-link',
    {
      schema: {
        tags,
        summary:
          'Mail a one-time sign-in link (answers the same whether or not the account exists)',
        body: magicLinkRequest,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await signInLinkRequests.count(request, request.body.email);
      await requestSignInLink(ctx, request.body.email);
      return reply.status(202).send(presentAccepted());
    },
  );

  app.post(
    '/auth/magic-link/consume',
    {
      schema: {
        tags,
        summary: 'Sign in with the token of a mailed sign-in link',
        body: consumeLinkRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const signedIn = await signInWithLink(ctx, request.body.token, clientOf(request));
      return answerWithSession(reply, ctx, signedIn);
    },
  );

  app.post(
    '/auth/invite/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: choose name and password, and sign in',
        body: acceptInviteRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const signedIn = await acceptInvitation(ctx, request.body, clientOf(request));
      return answerWithSession(reply, ctx, signedIn);
    },
  );

  app.post(
    '/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm an e-mail address with the token of a mailed link',
        body: consumeLinkRequest,
        response: { 200: acceptedResponse },
      },
    },
    async (request) => {
      await verifyEmail(ctx, request.body.token);
      return presentAccepted();
    },
  );

  app.post(
    '/auth/verify-email/resend',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'Mail the signed-in person a new verification link',
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await verificationResends.count(request, auth.user.id);
      await resendVerification(ctx, auth);
      return reply.status(202).send(presentAccepted());
    },
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary:
          'Mail a link to choose a new password (answers the same whether or not the account exists)',
        body: passwordResetRequest,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await passwordResetRequests.count(request, request.body.email);
      await requestPasswordReset(ctx, request.body.email);
      return reply.status(202).send(presentAccepted());
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset link; ends every other session',
        body: passwordResetConfirm,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const signedIn = await resetPassword(ctx, request.body, clientOf(request));
      return answerWithSession(reply, ctx, signedIn);
    },
  );

  app.put(
    '/me/password',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'Change (or first set) your password; ends your other sessions',
        body: changePasswordRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await passwordChanges.count(request, auth.user.id);
      const signedIn = await changePassword(ctx, auth, request.body, clientOf(request));
      return answerWithSession(reply, ctx, signedIn);
    },
  );

  app.post(
    '/auth/sign-out',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'End this session',
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await signOut(ctx, auth);
      clearSessionCookie(reply, ctx);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/sign-out-everywhere',
    {
      onRequest: guardSignedIn,
      schema: {
        tags,
        summary: 'End every session of the signed-in person, this one included',
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      await signOutEverywhere(ctx, auth);
      clearSessionCookie(reply, ctx);
      return reply.status(204).send(null);
    },
  );
}

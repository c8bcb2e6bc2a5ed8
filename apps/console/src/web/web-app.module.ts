import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { webAppHeaders } from './web-app-headers';

/** Where the build puts the bundle: dist/apps/console-web, beside the compiled console (dist/apps/console/src/web). */
const BUILT_WEB_APP = resolve(__dirname, '../../../console-web');

/**
 * The addresses of the UI's own pages: everything but the API, its documents, health, metrics, the published keys
 * and bundle files (a missing one, an old tab's chunk after a deploy, is a 404, not the page).
 */
const UI_PAGE =
  /^\/(?!(?:api|docs|docs-json|\.well-known|health|metrics|assets)(?:\/|$)|favicon\.ico$|robots\.txt$)/;

/**
 * The console's web UI, served by the console itself at its own URL: the bundle's files, and its index.html for
 * every page address (the UI routes in the browser). Registered when the module starts, after the API's routes,
 * and with no error handler of its own: a refused request keeps its own answer.
 */
@Module({})
export class WebAppModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const root = process.env.CONSOLE_WEB_ROOT ?? BUILT_WEB_APP;
    const page = join(root, 'index.html');
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.use(
      express.static(root, {
        index: false,
        fallthrough: true,
        setHeaders: (response: ServerResponse, path: string) => withHeaders(response, path),
      }),
    );
    app.get(UI_PAGE, (_request: Request, response: Response, next: NextFunction) => {
      withHeaders(response, page);
      // No bundle built (a test of the API alone): the address answers as any unknown one.
      response.sendFile(page, (error?: Error) => error && next());
    });
  }
}

function withHeaders(response: ServerResponse, path: string): void {
  for (const [name, value] of Object.entries(webAppHeaders(path))) response.setHeader(name, value);
}

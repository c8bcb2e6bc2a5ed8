import { ServeStaticModule } from '@nestjs/serve-static';
import { Module } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { webAppHeaders } from './web-app-headers';

/** Where the build puts the bundle: dist/apps/console-web, beside the compiled console (dist/apps/console/src/web). */
const BUILT_WEB_APP = resolve(__dirname, '../../../console-web');

/**
 * The console's web UI, served by the console itself at its own URL: the bundle's files, and its index.html
 * for every other page address (the UI routes in the browser). The API, its documents, health and metrics
 * keep their own routes.
 */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: process.env.CONSOLE_WEB_ROOT ?? BUILT_WEB_APP,
      // A missing bundle file (an old tab asking for a chunk a deploy replaced) is a 404, not the page.
      exclude: [
        '/api/{*path}',
        '/docs{*path}',
        '/.well-known/{*path}',
        '/health{*path}',
        '/metrics{*path}',
        '/assets/{*path}',
        '/favicon.ico',
        '/robots.txt',
      ],
      serveStaticOptions: {
        index: false,
        fallthrough: true,
        setHeaders: (response: ServerResponse, path: string) => {
          for (const [name, value] of Object.entries(webAppHeaders(path))) response.setHeader(name, value);
        },
      },
    }),
  ],
})
export class WebAppModule {}

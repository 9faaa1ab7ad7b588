/** The live dashboard: a driving adapter that serves the realtime monitor over HTTP and Server-Sent Events. */
package org.eimas.micro.web;

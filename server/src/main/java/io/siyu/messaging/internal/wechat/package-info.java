/**
 * WeChat's channels: mini-program subscribe messages and official-account template messages sent through WeChat's
 * server API, the access tokens they need, and the subscriptions customers grant in the mini-program, each good for
 * one subscribe message.
 */
package io.siyu.messaging.internal.wechat;

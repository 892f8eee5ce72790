/** Nothing global yet; database templates are prepared here once the storage suites need them. */
export default function setup(): void {}
